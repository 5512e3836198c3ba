using CsCheck;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Core.Reference;

namespace Netpol.Core.Tests.Properties;

/// <summary>The fast engine must agree with the reference evaluator on every verdict of random clusters.</summary>
public sealed class EngineAgreementTests
{
    private static readonly Probe[] Probes = [new(53, Protocol.UDP), new(80, Protocol.TCP), new(81, Protocol.TCP), new(8080, Protocol.TCP), new(9090, Protocol.SCTP)];

    [Fact]
    public void Fast_engine_agrees_with_reference_on_every_pair_of_random_clusters()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                // Given a random cluster
                var cluster = RandomClusters.Generate(seed);
                var reference = new ReferenceEvaluator(cluster);
                var fast = new FastEngine(cluster);
                var endpoints = cluster.Pods.Select(Endpoint.ForPod).Concat(RandomClusters.Externals.Select(Endpoint.ForAddress)).ToList();

                // When both engines answer every ordered pair, Then they agree
                foreach (var a in endpoints)
                {
                    foreach (var b in endpoints)
                    {
                        var expected = reference.AllowedPorts(a, b);
                        var actual = fast.AllowedPorts(a, b);
                        Assert.True(expected.Equals(actual), $"seed {seed}: {a} -> {b}: reference {expected}, fast {actual}\n{Describe(cluster)}");
                    }
                }
            },
            iter: 3000);
    }

    [Fact]
    public void Fast_pair_counts_equal_reference_pair_counts()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                var cluster = RandomClusters.Generate(seed);
                var expected = new ReferenceCounter(new ReferenceEvaluator(cluster)).CountAllowedPairs(Probes);
                var actual = new FastEngine(cluster).CountAllowedPairs(Probes);
                Assert.True(
                    expected.AnyPort == actual.AnyPort && expected.PerProbe.SequenceEqual(actual.PerProbe),
                    $"seed {seed}: reference {expected.AnyPort} [{string.Join(",", expected.PerProbe)}], fast {actual.AnyPort} [{string.Join(",", actual.PerProbe)}]\n{Describe(cluster)}");
            },
            iter: 2000);
    }

    [Fact]
    public void Fast_engine_agrees_with_reference_on_every_pair_when_cluster_policies_exist()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                // Given a random cluster that usually has Admin and Baseline policies
                var cluster = RandomClusters.Generate(seed, clusterPolicies: true);
                var reference = new ReferenceEvaluator(cluster);
                var fast = new FastEngine(cluster);
                var endpoints = cluster.Pods.Select(Endpoint.ForPod).Concat(RandomClusters.Externals.Select(Endpoint.ForAddress)).ToList();

                // When both engines answer every ordered pair, Then they agree
                foreach (var a in endpoints)
                {
                    foreach (var b in endpoints)
                    {
                        var expected = reference.AllowedPorts(a, b);
                        var actual = fast.AllowedPorts(a, b);
                        Assert.True(expected.Equals(actual), $"seed {seed}: {a} -> {b}: reference {expected}, fast {actual}\n{Describe(cluster)}");
                    }
                }
            },
            iter: 2000);
    }

    [Fact]
    public void Fast_pair_counts_equal_reference_pair_counts_when_cluster_policies_exist()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                var cluster = RandomClusters.Generate(seed, clusterPolicies: true);
                var expected = new ReferenceCounter(new ReferenceEvaluator(cluster)).CountAllowedPairs(Probes);
                var actual = new FastEngine(cluster).CountAllowedPairs(Probes);
                Assert.True(
                    expected.AnyPort == actual.AnyPort && expected.PerProbe.SequenceEqual(actual.PerProbe),
                    $"seed {seed}: reference {expected.AnyPort} [{string.Join(",", expected.PerProbe)}], fast {actual.AnyPort} [{string.Join(",", actual.PerProbe)}]\n{Describe(cluster)}");
            },
            iter: 1000);
    }

    [Fact]
    public void Class_verdicts_agree_with_the_reference_when_cluster_policies_exist()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                // Given a random tiered cluster and its classes
                var cluster = RandomClusters.Generate(seed, clusterPolicies: true);
                var reference = new ReferenceEvaluator(cluster);
                var fast = new FastEngine(cluster);

                // When graph and diff ask by class (any two distinct pods) and by cross-namespace key
                foreach (var a in cluster.Pods)
                {
                    foreach (var b in cluster.Pods)
                    {
                        if (ReferenceEquals(a, b))
                        {
                            continue;
                        }

                        // Then every answer is the reference verdict of the pair
                        var expected = reference.AllowedPorts(Endpoint.ForPod(a), Endpoint.ForPod(b));
                        var byClass = fast.ClassPorts(fast.ClassOf(a), fast.ClassOf(b));
                        Assert.True(expected.Equals(byClass), $"seed {seed}: {a.FullName} -> {b.FullName}: reference {expected}, by class {byClass}\n{Describe(cluster)}");
                        if (a.Namespace != b.Namespace)
                        {
                            var byKey = fast.CrossNamespacePorts(fast.SourceKey(fast.ClassOf(a)), fast.DestinationKey(fast.ClassOf(b)));
                            Assert.True(expected.Equals(byKey), $"seed {seed}: {a.FullName} -> {b.FullName}: reference {expected}, by key {byKey}\n{Describe(cluster)}");
                        }
                    }
                }
            },
            iter: 1500);
    }

    [Fact]
    public void Generated_cluster_policies_change_verdicts_often_enough_to_test_the_tiers()
    {
        // Given the first 300 seeds, When each cluster is judged with and without its tiers
        var changed = 0;
        var dns = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var cluster = RandomClusters.Generate(seed, clusterPolicies: true);
            var reference = new ReferenceEvaluator(cluster);
            var endpoints = cluster.Pods.Select(Endpoint.ForPod).Concat(RandomClusters.Externals.Select(Endpoint.ForAddress)).ToList();
            var pairs = endpoints.SelectMany(a => endpoints.Select(b => (a, b))).Where(p => !ReferenceEquals(p.a.Pod ?? (object)p.a, p.b.Pod ?? (object)p.b)).ToList();
            changed += pairs.Any(p => !reference.AllowedPorts(p.a, p.b).Equals(
                reference.NetworkPolicyPorts(Direction.Egress, p.a, p.b).Intersect(reference.NetworkPolicyPorts(Direction.Ingress, p.b, p.a)))) ? 1 : 0;
            dns += pairs.Any(p => !reference.DependsOnDns(p.a, p.b).IsEmpty) ? 1 : 0;
        }

        // Then the tiers decide something in many clusters, and domain names are reached in some
        Assert.True(changed >= 60, $"only {changed} of 300 clusters have a verdict the tiers change");
        Assert.True(dns >= 10, $"only {dns} of 300 clusters reach a domainNames rule");
    }

    [Fact]
    public void An_admin_deny_of_every_pod_leaves_only_each_pod_to_itself_and_hostNetwork_pods()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                // Given any cluster, with a top-priority Admin Deny of all ingress from every pod
                var cluster = RandomClusters.Generate(seed, clusterPolicies: true);
                // (priority 0 ties with generated policies; the name sorts first, which is netpol's tie-break)
                var denyAll = new ClusterNetworkPolicy(
                    "a-deny-all", ClusterPolicyTier.Admin, 0, new ClusterPolicySubject(LabelSelector.Everything),
                    [new ClusterPolicyRule(null, ClusterRuleAction.Deny, [new ClusterPolicyPeer(NamespaceSelector: LabelSelector.Everything)], [])], []);
                var locked = new Cluster(cluster.Namespaces, cluster.Pods, cluster.Policies, cluster.Services, cluster.ClusterPolicies.Append(denyAll), cluster.Nodes);
                var engine = new FastEngine(locked);

                // Then no pod reaches another pod unless one of them is a hostNetwork pod
                foreach (var a in locked.Pods)
                {
                    foreach (var b in locked.Pods)
                    {
                        var ports = engine.AllowedPorts(Endpoint.ForPod(a), Endpoint.ForPod(b));
                        if (!ReferenceEquals(a, b) && !a.HostNetwork && !b.HostNetwork)
                        {
                            Assert.True(ports.IsEmpty, $"seed {seed}: {a.FullName} -> {b.FullName} allows {ports}");
                        }
                    }
                }
            },
            iter: 300);
    }

    [Fact]
    public void Adding_an_allow_all_rule_never_removes_a_connection()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                var cluster = RandomClusters.Generate(seed);
                if (cluster.Policies.Count == 0)
                {
                    return;
                }

                var target = cluster.Policies[seed % cluster.Policies.Count];
                var widened = target with { Ingress = [.. target.Ingress, new PolicyRule([], [])] };
                var after = new Cluster(cluster.Namespaces, cluster.Pods, cluster.Policies.Select(p => ReferenceEquals(p, target) ? widened : p));
                var before = new FastEngine(cluster);
                var now = new FastEngine(after);
                foreach (var a in cluster.Pods)
                {
                    foreach (var b in cluster.Pods)
                    {
                        var x = before.AllowedPorts(Endpoint.ForPod(a), Endpoint.ForPod(b));
                        var y = now.AllowedPorts(Endpoint.ForPod(after.FindPod(a.FullName)!), Endpoint.ForPod(after.FindPod(b.FullName)!));
                        Assert.True(x.Intersect(y).Equals(x), $"seed {seed}: {a.FullName} -> {b.FullName} lost ports: before {x}, after {y}");
                    }
                }
            },
            iter: 500);
    }

    [Fact]
    public void Empty_selector_selects_every_pod_of_its_namespace()
    {
        Gen.Int[0, int.MaxValue].Sample(
            seed =>
            {
                var cluster = RandomClusters.Generate(seed);
                var ns = cluster.Namespaces[0].Name;
                var denyAll = new NetworkPolicy(ns, "deny-all", LabelSelector.Everything, true, false, [], []);
                var withDeny = new Cluster(cluster.Namespaces, cluster.Pods, cluster.Policies.Append(denyAll));
                var engine = new FastEngine(withDeny);
                var others = withDeny.Pods.Where(p => p.Namespace != ns || p.HostNetwork).ToList();
                foreach (var pod in withDeny.PodsIn(ns).Where(p => !p.HostNetwork))
                {
                    Assert.True(Semantics.Selects(denyAll, pod, Direction.Ingress));
                    _ = engine.AllowedPorts(Endpoint.ForPod(pod), Endpoint.ForPod(pod));
                }

                Assert.All(others.Where(p => p.Namespace != ns), p => Assert.False(Semantics.Selects(denyAll, p, Direction.Ingress)));
            },
            iter: 200);
    }

    private static string Describe(Cluster c) =>
        string.Join("\n", c.Namespaces.Select(n => $"ns {n.Name} {string.Join(",", n.Labels.Select(kv => $"{kv.Key}={kv.Value}"))}")
            .Concat(c.Pods.Select(p => $"pod {p.FullName} labels[{string.Join(",", p.Labels.Select(kv => $"{kv.Key}={kv.Value}"))}] ips[{string.Join(",", p.IPs)}] ports[{string.Join(",", p.Ports)}] host={p.HostNetwork}"))
            .Concat(c.Policies.Select(p => $"policy {p.FullName} sel={p.PodSelector} in={p.AffectsIngress}:{string.Join(" | ", p.Ingress.Select(Rule))} eg={p.AffectsEgress}:{string.Join(" | ", p.Egress.Select(Rule))}"))
            .Concat(c.ClusterPolicies.Select(p => $"{p.Tier} {p.Priority} {p.Name} subject={p.Subject} in:{string.Join(" | ", p.Ingress.Select(ClusterRule))} eg:{string.Join(" | ", p.Egress.Select(ClusterRule))}"))
            .Concat(c.Nodes.Select(n => $"node {n.Name} labels[{string.Join(",", n.Labels.Select(kv => $"{kv.Key}={kv.Value}"))}] ips[{string.Join(",", n.Addresses)}]")));

    private static string ClusterRule(ClusterPolicyRule r) =>
        $"{r.Action} [{string.Join(" OR ", r.Peers)}] ports[{string.Join(",", r.Ports)}]";

    private static string Rule(PolicyRule r) =>
        $"[{string.Join(" OR ", r.Peers.Select(Explain.Explainer.DescribePeer))}] ports[{string.Join(",", r.Ports)}]";
}
