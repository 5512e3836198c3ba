using Netpol.Core.Model;

namespace Netpol.Manifests.Config;

/// <summary>A string from the configuration file and where it was written, so that checks can point at it.</summary>
public sealed record ConfigValue(string Value, SourceLocation Location);
