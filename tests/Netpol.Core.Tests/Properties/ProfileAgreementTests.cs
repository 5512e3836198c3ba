using CsCheck;
using Netpol.Core.Model;
using Netpol.Core.Profiles;
using Netpol.Core.Reference;

namespace Netpol.Core.Tests.Properties;

/// <summary>
/// Laws of network plugin profiles on random tiered clusters: under every profile the fast engine agrees with the
/// reference evaluator; portable is upstream semantics; and a verdict that differs from portable always has a reason.
/// </summary>
public sealed class ProfileAgreementTests
{
    [Fact]
    public void Every_profile_gives_the_same_answer_over_both_engines()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                var cluster = RandomClusters.Generate(seed, clusterPolicies: true);
                var endpoints = Endpoints(cluster);
                foreach (var profile in CniProfiles.All)
                {
                    var fast = new ProfiledEngine(profile, cluster);
                    var reference = new ProfiledEngine(profile, cluster, c => new ReferenceEvaluator(c));
                    foreach (var a in endpoints)
                    {
                        foreach (var b in endpoints)
                        {
                            var expected = reference.AllowedPorts(a, b);
                            var actual = fast.AllowedPorts(a, b);
                            Assert.True(expected.Equals(actual), $"seed {seed}, {profile.Name}: {a} -> {b}: reference {expected}, fast {actual}");
                        }
                    }
                }
            },
            iter: 200);
    }

    [Fact]
    public void Portable_is_upstream_semantics_and_every_difference_has_a_reason()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                var cluster = RandomClusters.Generate(seed, clusterPolicies: true);
                var upstream = new ReferenceEvaluator(cluster);
                var comparer = new CniComparer(cluster, CniProfiles.All);
                var endpoints = Endpoints(cluster);
                foreach (var a in endpoints)
                {
                    foreach (var b in endpoints)
                    {
                        var portable = comparer.Allowed(CniProfiles.Portable, a, b);
                        Assert.True(portable.Equals(upstream.AllowedPorts(a, b)), $"seed {seed}: portable differs from upstream on {a} -> {b}");
                        foreach (var profile in CniProfiles.All)
                        {
                            var differs = !comparer.Allowed(profile, a, b).Equals(portable);
                            Assert.True(differs == (comparer.Reasons(profile, a, b, PortSet.All).Count > 0), $"seed {seed}, {profile.Name}: {a} -> {b}");
                        }
                    }
                }
            },
            iter: 100);
    }

    private static List<Endpoint> Endpoints(Cluster cluster) =>
        [.. cluster.Pods.Select(Endpoint.ForPod), .. RandomClusters.Externals.Select(Endpoint.ForAddress)];
}
