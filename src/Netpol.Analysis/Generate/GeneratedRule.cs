namespace Netpol.Analysis.Generate;

/// <summary>A generated ingress or egress rule: the peers and the ports they were seen on.</summary>
public sealed record GeneratedRule(IReadOnlyList<GeneratedPeer> Peers, IReadOnlyList<GeneratedPort> Ports);
