namespace Netpol.Analysis.Describe;

/// <summary>One peer of a cluster network policy rule and what it matches in the input.</summary>
/// <param name="Path">Where it is written: <c>spec.ingress[0].from[1]</c>.</param>
/// <param name="Text">The peer in words: <c>namespaces env=dev</c>, <c>networks 10.0.0.0/8</c>.</param>
/// <param name="Namespaces">For <c>namespaces</c> and <c>pods</c> peers, the namespaces it matches.</param>
/// <param name="Pods">The pods it matches (by labels, or by IP for <c>networks</c> and <c>nodes</c>), in cluster order.</param>
/// <param name="Nodes">For a <c>nodes</c> peer, the nodes it matches.</param>
/// <param name="DependsOnDns">True for a <c>domainNames</c> peer: what it matches is decided by DNS at run time.</param>
public sealed record ClusterPeerDescription(
    string Path,
    string Text,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<string> Pods,
    IReadOnlyList<string> Nodes,
    bool DependsOnDns);
