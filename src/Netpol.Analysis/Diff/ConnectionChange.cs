using Netpol.Core.Model;

namespace Netpol.Analysis.Diff;

/// <summary>
/// A connection whose allowed ports changed between base and head: <see cref="Ports"/> are the ports gained (allowed
/// in head, not in base) or lost (allowed in base, not in head), depending on the list it is in.
/// </summary>
public sealed record ConnectionChange(string From, string To, PortSet Ports);
