namespace Netpol.Analysis.Graph;

/// <summary>
/// A node of the graph: a workload, pod or namespace (with <see cref="Namespace"/> set), an external ipBlock or
/// cluster DNS. <see cref="Id"/> is unique and stable (<c>ns/deploy/web</c>, <c>ns/app=web</c>, <c>ipblock:CIDR</c>);
/// <see cref="Label"/> is what pictures show inside the namespace box.
/// </summary>
public sealed record GraphNode(string Id, string Label, string? Namespace, GraphNodeKind Kind, IReadOnlyList<string> Pods)
{
    /// <summary>The labels every pod of the node carries.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>For an external node: the ipBlock as written (<c>0.0.0.0/0 except 10.0.0.0/8</c>).</summary>
    public string? Address { get; init; }

    /// <summary>For an external node: the address that stood for the block when flows were computed.</summary>
    public string? RepresentativeAddress { get; init; }

    /// <summary>The policies selecting some pod of the node for ingress (<c>ns/name</c>).</summary>
    public IReadOnlyList<string> IngressPolicies { get; init; } = [];

    /// <summary>The policies selecting some pod of the node for egress (<c>ns/name</c>).</summary>
    public IReadOnlyList<string> EgressPolicies { get; init; } = [];

    /// <summary>
    /// The ports two different pods of the node may use between them (replicas of one template), when policies
    /// restrict them (null when nothing restricts them or the node is a single plain pod).
    /// </summary>
    public Netpol.Core.Model.PortSet? SelfPorts { get; init; }

    /// <summary>True when the node lies outside the cluster's pods.</summary>
    public bool IsExternal => Kind == GraphNodeKind.External;

    /// <summary>True when policies isolate every pod of the node for ingress.</summary>
    public bool IngressIsolated { get; init; }

    /// <summary>True when policies isolate every pod of the node for egress.</summary>
    public bool EgressIsolated { get; init; }
}
