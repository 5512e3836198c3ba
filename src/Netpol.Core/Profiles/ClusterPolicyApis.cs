namespace Netpol.Core.Profiles;

/// <summary>Which cluster-scoped policy APIs (policy.networking.k8s.io, and AWS's networking.k8s.aws) a network plugin implements.</summary>
[Flags]
public enum ClusterPolicyApis
{
    /// <summary>Neither: cluster network policies have no effect.</summary>
    None = 0,

    /// <summary>v1alpha2 ClusterNetworkPolicy.</summary>
    ClusterNetworkPolicy = 1,

    /// <summary>v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy.</summary>
    AdminNetworkPolicy = 2,

    /// <summary>
    /// The AWS network policy agent's ClusterNetworkPolicy (networking.k8s.aws/v1alpha1): the upstream v1alpha2 shape
    /// in AWS's own API group.
    /// </summary>
    AwsClusterNetworkPolicy = 4,

    /// <summary>All of them.</summary>
    All = ClusterNetworkPolicy | AdminNetworkPolicy | AwsClusterNetworkPolicy,
}
