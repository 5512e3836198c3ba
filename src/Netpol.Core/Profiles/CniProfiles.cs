namespace Netpol.Core.Profiles;

/// <summary>
/// The network plugin profiles <c>--cni</c> accepts. Each encodes only what its sources say (docs/cni-profiles.md
/// lists them with their evidence level); where the sources are silent a profile keeps upstream semantics.
/// </summary>
public static class CniProfiles
{
    /// <summary>Upstream semantics as netpol evaluates them: the default.</summary>
    public static CniProfile Portable { get; } = new("portable", "upstream NetworkPolicy semantics");

    /// <summary>Calico (current releases: ClusterNetworkPolicy from 3.32).</summary>
    public static CniProfile Calico { get; } = new("calico", "Calico")
    {
        NodeToLocalPodAllowed = true,
        ClusterPolicies = ClusterPolicyApis.ClusterNetworkPolicy,
        Evidence =
        [
            new(CniBehaviour.NodeToLocalPodAllowed, "Calico allows every connection from a host to the workloads on that host (so health checks work)", "https://github.com/projectcalico/calico/pull/2691", EvidenceLevel.Documented),
            new(CniBehaviour.ClusterPolicyKindIgnored, "Calico 3.32 implements ClusterNetworkPolicy v1alpha2 and removed AdminNetworkPolicy/BaselineAdminNetworkPolicy (3.29-3.31 had them)", "https://github.com/projectcalico/calico/issues/10745", EvidenceLevel.Issue),
        ],
    };

    /// <summary>Cilium with its default settings.</summary>
    public static CniProfile Cilium { get; } = new("cilium", "Cilium")
    {
        IPBlockMatchesPodIPs = false,
        IPBlockMatchesNodeIPs = false,
        NodeToLocalPodAllowed = true,
        SupportsSctp = false,
        ClusterPolicies = ClusterPolicyApis.None,
        EndPort = FeatureSupport.VersionDependent,
        Evidence =
        [
            new(CniBehaviour.IPBlockIgnoresPodIPs, "Cilium does not match ipBlock against pod IPs: pods are matched by identity only", "https://docs.cilium.io/en/latest/security/policy/caveats/", EvidenceLevel.Documented),
            new(CniBehaviour.IPBlockIgnoresNodeIPs, "Cilium's CIDR rules do not select node addresses (hostNetwork pods) unless policy-cidr-match-mode=nodes (1.15+)", "https://github.com/cilium/cilium/blob/main/Documentation/security/policy/language.rst", EvidenceLevel.Documented),
            new(CniBehaviour.NodeToLocalPodAllowed, "Cilium allows traffic from the local host to its endpoints by default (--allow-localhost)", "https://github.com/cilium/cilium/blob/main/Documentation/security/policy/language.rst", EvidenceLevel.Documented),
            new(CniBehaviour.SctpUnsupported, "Cilium supports SCTP only with sctp.enabled=true (beta); by default SCTP is not carried", "https://docs.cilium.io/en/stable/configuration/sctp/", EvidenceLevel.Inferred),
            new(CniBehaviour.ClusterPolicyKindIgnored, "Cilium implements neither ClusterNetworkPolicy nor AdminNetworkPolicy (feature request open)", "https://github.com/cilium/cilium/issues/23380", EvidenceLevel.Issue),
            new(CniBehaviour.EndPortVersionDependent, "older Cilium releases silently ignore endPort", "https://github.com/cilium/cilium/issues/28684", EvidenceLevel.Issue),
        ],
    };

    /// <summary>The AWS VPC CNI network policy controller and node agent.</summary>
    public static CniProfile AwsVpc { get; } = new("aws-vpc", "AWS VPC CNI (network policy agent)")
    {
        NodeToLocalPodAllowed = true,
        IPBlockWithNamedPortMatches = false,
        ClusterPolicies = ClusterPolicyApis.AwsClusterNetworkPolicy,
        ServicePortMustEqualTargetPort = true,
        Evidence =
        [
            new(CniBehaviour.NodeToLocalPodAllowed, "the AWS network policy agent always allows traffic from the node's own IP (kubelet probes)", "https://github.com/aws/aws-network-policy-agent/pull/65", EvidenceLevel.Issue),
            new(CniBehaviour.IPBlockWithNamedPortIgnored, "the AWS controller skips an ipBlock peer whose rule lists a named port (it cannot resolve the name for a CIDR)", "https://github.com/aws/amazon-network-policy-controller-k8s/issues/81", EvidenceLevel.Code),
            new(CniBehaviour.ClusterPolicyKindIgnored, "AWS implements ClusterNetworkPolicy in its own API group (networking.k8s.aws/v1alpha1, the upstream v1alpha2 shape), not the policy.networking.k8s.io kinds", "https://aws.amazon.com/blogs/containers/amazon-eks-introduces-enhanced-network-policy-capabilities", EvidenceLevel.Documented),
            new(CniBehaviour.ServicePortMustEqualTargetPort, "EKS enforces egress before Service DNAT: a Service's port must equal the container port", "https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html", EvidenceLevel.Documented),
        ],
    };

    /// <summary>Antrea (ClusterNetworkPolicy from 2.7, AdminNetworkPolicy deprecated but present).</summary>
    public static CniProfile Antrea { get; } = new("antrea", "Antrea")
    {
        ClusterPolicies = ClusterPolicyApis.ClusterNetworkPolicy | ClusterPolicyApis.AdminNetworkPolicy,
        Evidence =
        [
            new(CniBehaviour.ClusterPolicyKindIgnored, "Antrea implements the policy.networking.k8s.io kinds (ClusterNetworkPolicy from 2.7, AdminNetworkPolicy deprecated); the networking.k8s.aws kind is AWS-only", "https://github.com/antrea-io/antrea/blob/main/docs/cluster-network-policy.md", EvidenceLevel.Documented),
        ],
    };

    /// <summary>OVN-Kubernetes.</summary>
    public static CniProfile OvnKubernetes { get; } = new("ovn-kubernetes", "OVN-Kubernetes")
    {
        NodeToLocalPodAllowed = true,
        ClusterPolicies = ClusterPolicyApis.AdminNetworkPolicy,
        NamedPorts = FeatureSupport.Uncertain,
        Evidence =
        [
            new(CniBehaviour.NodeToLocalPodAllowed, "OVN-Kubernetes (OKD docs): policies cannot block traffic from a pod's resident node", "https://docs.okd.io/latest/networking/network_security/network_policy/about-network-policy.html", EvidenceLevel.Conflicting),
            new(CniBehaviour.ClusterPolicyKindIgnored, "OVN-Kubernetes implements AdminNetworkPolicy/BaselineAdminNetworkPolicy v1alpha1; no source shows ClusterNetworkPolicy v1alpha2", "https://github.com/ovn-kubernetes/ovn-kubernetes/blob/master/docs/features/network-security-controls/admin-network-policy.md", EvidenceLevel.Documented),
            new(CniBehaviour.NamedPortsUncertain, "named port support in OVN-Kubernetes is disputed (added in 2020, still avoided by users in 2025)", "https://github.com/kubevirt/cluster-network-addons-operator/pull/2369", EvidenceLevel.Conflicting),
        ],
    };

    /// <summary>
    /// Flannel on its own (no Calico beside it, as canal would add): a networking plugin that enforces no policy at
    /// all. Every connection is allowed whatever the manifests say.
    /// </summary>
    public static CniProfile Flannel { get; } = new("flannel", "Flannel (no policy enforcement)")
    {
        EnforcesPolicies = false,
        Evidence =
        [
            new(CniBehaviour.PoliciesNotEnforced, "Flannel provides the pod network only and enforces no NetworkPolicy or cluster network policy (pair it with Calico, as canal does, to enforce them)", "https://github.com/flannel-io/flannel#networking-details", EvidenceLevel.Documented),
        ],
    };

    /// <summary>
    /// The profiles <c>--cni all</c> compares, portable first: plugins that enforce policies, where the differences
    /// are worth a table. <see cref="Flannel"/> is left out (it would differ on every denied connection); name it.
    /// </summary>
    public static IReadOnlyList<CniProfile> All { get; } = [Portable, Calico, Cilium, AwsVpc, Antrea, OvnKubernetes];

    /// <summary>Every profile <c>--cni</c> accepts by name.</summary>
    public static IReadOnlyList<CniProfile> Named { get; } = [.. All, Flannel];

    /// <summary>The profile of that name (case-insensitive), if any.</summary>
    public static CniProfile? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Named.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
