using Netpol.Core.Model;

namespace Netpol.Core.Profiles;

/// <summary>
/// What one network plugin does with NetworkPolicy and cluster network policies where it departs from upstream
/// semantics. The defaults are upstream semantics as netpol evaluates them (the <c>portable</c> profile); each
/// plugin profile sets only the flags its sources support and cites them in <see cref="Evidence"/>.
/// </summary>
/// <param name="Name">The name <c>--cni</c> takes: portable, calico, cilium, aws-vpc, antrea, ovn-kubernetes, flannel.</param>
/// <param name="Title">The plugin's name for people, e.g. "AWS VPC CNI (network policy agent)".</param>
public sealed record CniProfile(string Name, string Title)
{
    /// <summary>
    /// The plugin enforces NetworkPolicy at all (flannel alone, kubenet and other plain networking plugins do not: the
    /// API server stores every policy and nothing applies them).
    /// </summary>
    public bool EnforcesPolicies { get; init; } = true;

    /// <summary>An ipBlock peer matches pods whose IP is in it (upstream conformance expects so; Cilium: no).</summary>
    public bool IPBlockMatchesPodIPs { get; init; } = true;

    /// <summary>An ipBlock peer matches node addresses, and so hostNetwork pods (Cilium, by default: no).</summary>
    public bool IPBlockMatchesNodeIPs { get; init; } = true;

    /// <summary>
    /// Traffic from a pod's own node (a hostNetwork pod on it, or the node's address) is allowed whatever the policies
    /// say. The NetworkPolicy API reference states this, but netpol's portable semantics evaluate node traffic like
    /// any other source (so that a policy's literal meaning is shown); plugin profiles that document it set it.
    /// </summary>
    public bool NodeToLocalPodAllowed { get; init; }

    /// <summary>SCTP is carried and enforced in the default configuration (Cilium: only with <c>sctp.enabled=true</c>).</summary>
    public bool SupportsSctp { get; init; } = true;

    /// <summary>An ipBlock peer still applies when its rule lists a named port (AWS VPC CNI: the peer is skipped).</summary>
    public bool IPBlockWithNamedPortMatches { get; init; } = true;

    /// <summary>The upstream cluster-scoped policy APIs the plugin implements; the others are ignored.</summary>
    public ClusterPolicyApis ClusterPolicies { get; init; } = ClusterPolicyApis.All;

    /// <summary>Named ports in NetworkPolicy. Only reported (lint); verdicts assume support.</summary>
    public FeatureSupport NamedPorts { get; init; } = FeatureSupport.Supported;

    /// <summary><c>endPort</c> port ranges in NetworkPolicy. Only reported (lint); verdicts assume support.</summary>
    public FeatureSupport EndPort { get; init; } = FeatureSupport.Supported;

    /// <summary>
    /// Egress is enforced before Service DNAT, so a Service's port must equal its target (container) port for policies
    /// written with container ports to work through the Service (AWS VPC CNI). Only reported (lint).
    /// </summary>
    public bool ServicePortMustEqualTargetPort { get; init; }

    /// <summary>The sources of every behaviour the profile sets.</summary>
    public IReadOnlyList<ProfileEvidence> Evidence { get; init; } = [];

    /// <summary>True for the profile that is upstream semantics (no deviations).</summary>
    public bool IsPortable => Deviations.Count == 0;

    /// <summary>The behaviours that can change a verdict, in a fixed order.</summary>
    public IReadOnlyList<CniBehaviour> Deviations
    {
        get
        {
            var list = new List<CniBehaviour>();
            if (!EnforcesPolicies)
            {
                list.Add(CniBehaviour.PoliciesNotEnforced);
            }

            if (!IPBlockMatchesPodIPs)
            {
                list.Add(CniBehaviour.IPBlockIgnoresPodIPs);
            }

            if (!IPBlockMatchesNodeIPs)
            {
                list.Add(CniBehaviour.IPBlockIgnoresNodeIPs);
            }

            if (NodeToLocalPodAllowed)
            {
                list.Add(CniBehaviour.NodeToLocalPodAllowed);
            }

            if (!SupportsSctp)
            {
                list.Add(CniBehaviour.SctpUnsupported);
            }

            if (!IPBlockWithNamedPortMatches)
            {
                list.Add(CniBehaviour.IPBlockWithNamedPortIgnored);
            }

            if (ClusterPolicies != ClusterPolicyApis.All)
            {
                list.Add(CniBehaviour.ClusterPolicyKindIgnored);
            }

            return list;
        }
    }

    /// <summary>True when the profile has the behaviour.</summary>
    public bool Has(CniBehaviour behaviour) => Deviations.Contains(behaviour);

    /// <summary>
    /// Upstream semantics plus this profile's setting for one behaviour only: used to tell which behaviour a
    /// verdict difference comes from.
    /// </summary>
    public CniProfile Only(CniBehaviour behaviour)
    {
        var p = new CniProfile($"{Name}:{behaviour}", Title) { Evidence = Evidence };
        return behaviour switch
        {
            CniBehaviour.PoliciesNotEnforced => p with { EnforcesPolicies = EnforcesPolicies },
            CniBehaviour.IPBlockIgnoresPodIPs => p with { IPBlockMatchesPodIPs = IPBlockMatchesPodIPs },
            CniBehaviour.IPBlockIgnoresNodeIPs => p with { IPBlockMatchesNodeIPs = IPBlockMatchesNodeIPs },
            CniBehaviour.NodeToLocalPodAllowed => p with { NodeToLocalPodAllowed = NodeToLocalPodAllowed },
            CniBehaviour.SctpUnsupported => p with { SupportsSctp = SupportsSctp },
            CniBehaviour.IPBlockWithNamedPortIgnored => p with { IPBlockWithNamedPortMatches = IPBlockWithNamedPortMatches },
            CniBehaviour.ClusterPolicyKindIgnored => p with { ClusterPolicies = ClusterPolicies },
            _ => throw new ArgumentOutOfRangeException(nameof(behaviour)),
        };
    }

    /// <summary>The evidence for a behaviour (the first cited), if the profile cites any.</summary>
    public ProfileEvidence? EvidenceFor(CniBehaviour behaviour) => Evidence.FirstOrDefault(e => e.Behaviour == behaviour);

    /// <summary>True when the plugin implements the kind of cluster network policy.</summary>
    public bool Implements(ClusterNetworkPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!EnforcesPolicies)
        {
            return false;
        }

        var api = policy.ApiGroup == ClusterNetworkPolicy.AwsGroup ? ClusterPolicyApis.AwsClusterNetworkPolicy
            : policy.Kind == "ClusterNetworkPolicy" ? ClusterPolicyApis.ClusterNetworkPolicy
            : ClusterPolicyApis.AdminNetworkPolicy;
        return (ClusterPolicies & api) != 0;
    }

    /// <summary>The cluster as this plugin would enforce it, with the pair-level rules a rewrite cannot express.</summary>
    public ProfiledCluster Apply(Cluster cluster) => new(this, cluster);

    /// <inheritdoc />
    public override string ToString() => Name;
}
