namespace Netpol.LiveCluster.Reading;

/// <summary>A resource netpol lists: its kind, API version, plural and scope.</summary>
/// <param name="Kind">The object kind, e.g. <c>Pod</c>.</param>
/// <param name="ApiVersion"><c>v1</c> or <c>GROUP/VERSION</c>.</param>
/// <param name="Plural">The resource name in URLs and RBAC rules, e.g. <c>pods</c>.</param>
/// <param name="Namespaced">True when objects live in namespaces.</param>
/// <param name="Optional">True for CRDs: a 404 means the CRD is not installed, not an error.</param>
public sealed record ApiResource(string Kind, string ApiVersion, string Plural, bool Namespaced, bool Optional = false)
{
    /// <summary>Namespaces: always read whole, since namespaceSelectors match their labels.</summary>
    public static readonly ApiResource Namespaces = new("Namespace", "v1", "namespaces", false);

    /// <summary>Pods, with their IPs, phase, hostNetwork and owner references.</summary>
    public static readonly ApiResource Pods = new("Pod", "v1", "pods", true);

    /// <summary>Services: their selectors name the pods behind <c>ns/svc/name</c>.</summary>
    public static readonly ApiResource Services = new("Service", "v1", "services", true);

    /// <summary>NetworkPolicies.</summary>
    public static readonly ApiResource NetworkPolicies = new("NetworkPolicy", "networking.k8s.io/v1", "networkpolicies", true);

    /// <summary>
    /// Nodes: cluster-scoped; their labels and <c>status.addresses</c> are what <c>nodes</c> peers of cluster network
    /// policies match. Listed only when some cluster policy read has a <c>nodes</c> peer.
    /// </summary>
    public static readonly ApiResource Nodes = new("Node", "v1", "nodes", false);

    /// <summary>The cluster-scoped policies of the network-policy API project, newest version first; read when their CRDs exist.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<ApiResource>> ClusterPolicies =
    [
        [
            new("ClusterNetworkPolicy", "policy.networking.k8s.io/v1beta1", "clusternetworkpolicies", false, Optional: true),
            new("ClusterNetworkPolicy", "policy.networking.k8s.io/v1alpha2", "clusternetworkpolicies", false, Optional: true),
        ],
        [new("AdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1", "adminnetworkpolicies", false, Optional: true)],
        [new("BaselineAdminNetworkPolicy", "policy.networking.k8s.io/v1alpha1", "baselineadminnetworkpolicies", false, Optional: true)],
        [new("ClusterNetworkPolicy", "networking.k8s.aws/v1alpha1", "clusternetworkpolicies", false, Optional: true)],
    ];

    /// <summary>The kinds whose objects netpol analyses; the others are kept in snapshots only.</summary>
    public static readonly IReadOnlySet<string> AnalysedKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "Namespace", "Pod", "Service", "NetworkPolicy", "ClusterNetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "Node",
    };

    /// <summary>The API group, empty for the core group.</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    /// <summary>The list URL path, in one namespace or (null) in all.</summary>
    public string ListPath(string? ns)
    {
        var prefix = ApiVersion.Contains('/', StringComparison.Ordinal) ? "/apis/" + ApiVersion : "/api/" + ApiVersion;
        return Namespaced && ns is not null
            ? $"{prefix}/namespaces/{Uri.EscapeDataString(ns)}/{Plural}"
            : $"{prefix}/{Plural}";
    }

    /// <summary>What a list covers, in words: <c>pods in namespace shop</c>, <c>pods in all namespaces</c>, <c>namespaces</c>.</summary>
    public string Describe(string? ns) => !Namespaced ? Plural : ns is null ? $"{Plural} in all namespaces" : $"{Plural} in namespace {ns}";
}
