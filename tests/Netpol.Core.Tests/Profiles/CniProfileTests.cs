using Netpol.Core.Model;
using Netpol.Core.Profiles;
using Netpol.Core.Reference;
using Netpol.Core.Tests.Rules;

namespace Netpol.Core.Tests.Profiles;

/// <summary>
/// Every verdict a network plugin profile changes, pinned: for each behaviour a row where the plugin's verdict
/// differs from upstream semantics and a row where it does not. The profile must give the same answer over the fast
/// engine and the reference evaluator. Rows are in <c>CniProfileTests.Cases.cs</c>.
/// </summary>
public sealed partial class CniProfileTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_profile_gives_its_documented_verdict(ProfileCase row)
    {
        // Given
        var cluster = World.Load(Nodes, row.Policies);
        var profile = CniProfiles.Find(row.Profile)!;
        var comparer = new CniComparer(cluster, [profile]);
        var from = cluster.EndpointNamed(row.From);
        var to = cluster.EndpointNamed(row.To);
        var (port, protocol) = World.Probe(row.Port);
        var probe = PortSet.Of(protocol, port, port);

        // When
        var portable = comparer.Portable.AllowedPorts(from, to);
        var fast = comparer.Allowed(profile, from, to);
        var reference = new ProfiledEngine(profile, cluster, c => new ReferenceEvaluator(c)).AllowedPorts(from, to);
        var reasons = comparer.Reasons(profile, from, to, probe);

        // Then
        Assert.True(portable.Contains(port, protocol) == row.Portable, $"portable allows {portable}");
        Assert.True(fast.Contains(port, protocol) == row.Allowed, $"{row.Profile} allows {fast}");
        Assert.Equal(reference, fast);
        Assert.Equal(row.Because is { } b ? [b] : [], reasons.Select(r => r.Behaviour).ToArray());
    }

    [Fact]
    public void Profiles_are_looked_up_by_name_ignoring_case()
    {
        Assert.Equal(
            ["portable", "calico", "cilium", "aws-vpc", "antrea", "ovn-kubernetes"],
            CniProfiles.All.Select(p => p.Name).ToArray());
        Assert.Same(CniProfiles.Cilium, CniProfiles.Find("Cilium"));
        Assert.Null(CniProfiles.Find("cillium"));

        // Flannel is named, not compared by --cni all: it would differ on every denied connection.
        Assert.Equal([.. CniProfiles.All, CniProfiles.Flannel], CniProfiles.Named);
        Assert.Same(CniProfiles.Flannel, CniProfiles.Find("flannel"));
    }

    [Fact]
    public void Every_deviation_cites_a_source()
    {
        foreach (var profile in CniProfiles.Named)
        {
            foreach (var behaviour in profile.Deviations)
            {
                var evidence = profile.EvidenceFor(behaviour);
                Assert.True(evidence is not null, $"{profile.Name} has no source for {behaviour}");
                Assert.StartsWith("https://", evidence.Source, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Portable_rewrites_nothing()
    {
        var cluster = World.Load(Nodes, [IngressFromPodCidr]);

        var profiled = CniProfiles.Portable.Apply(cluster);

        Assert.Same(cluster, profiled.Cluster);
        Assert.True(CniProfiles.Portable.IsPortable);
        Assert.Empty(profiled.IgnoredClusterPolicies);
    }

    [Fact]
    public void Cluster_policies_a_plugin_does_not_implement_are_listed()
    {
        var cluster = World.Load(Nodes, [AdminDenyDevToWeb, LegacyAdminDenyDevToWeb]);

        Assert.Equal(["AdminNetworkPolicy legacy-deny"], CniProfiles.Calico.Apply(cluster).IgnoredClusterPolicies.Select(p => p.FullName));
        Assert.Equal(2, CniProfiles.Cilium.Apply(cluster).IgnoredClusterPolicies.Count);
        Assert.Empty(CniProfiles.Antrea.Apply(cluster).IgnoredClusterPolicies);
        Assert.Equal(2, CniProfiles.Flannel.Apply(cluster).IgnoredClusterPolicies.Count);
    }

    [Fact]
    public void A_plugin_that_enforces_nothing_drops_every_policy()
    {
        var cluster = World.Load(Nodes, [DenyAllIngressToWeb, AdminDenyDevToWeb]);

        var profiled = CniProfiles.Flannel.Apply(cluster);

        Assert.Empty(profiled.Cluster.Policies);
        Assert.Empty(profiled.Cluster.ClusterPolicies);
        Assert.Equal(cluster.Pods, profiled.Cluster.Pods);
        Assert.Equal([CniBehaviour.PoliciesNotEnforced], CniProfiles.Flannel.Deviations);
    }

    [Fact]
    public void A_pod_reaches_itself_under_every_profile()
    {
        var cluster = World.Load(Nodes, [DenyAllIngressToWeb]);
        var web = cluster.EndpointNamed("prod/web");

        foreach (var profile in CniProfiles.Named)
        {
            Assert.True(new ProfiledEngine(profile, cluster).AllowedPorts(web, web).IsAll, profile.Name);
        }
    }
}
