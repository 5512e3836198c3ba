namespace Netpol.Core.Profiles;

/// <summary>Which upstream cluster-scoped policy APIs (policy.networking.k8s.io) a network plugin implements.</summary>
[Flags]
public enum ClusterPolicyApis
{
    /// <summary>Neither: cluster network policies have no effect.</summary>
    None = 0,

    /// <summary>v1alpha2 ClusterNetworkPolicy.</summary>
    ClusterNetworkPolicy = 1,

    /// <summary>v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy.</summary>
    AdminNetworkPolicy = 2,

    /// <summary>Both.</summary>
    All = ClusterNetworkPolicy | AdminNetworkPolicy,
}
