using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>What a rule's ports allow toward one destination pod once its named ports are resolved against it.</summary>
/// <param name="Destination">The destination pod: a selected pod for ingress, an admitted pod for egress.</param>
/// <param name="Ports">The ports (empty when none of its container ports has the name).</param>
public sealed record PortResolution(string Destination, PortSet Ports);
