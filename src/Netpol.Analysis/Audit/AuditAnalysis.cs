using System.Net;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Matrix;
using Netpol.Core.Engine;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Profiles;
using Netpol.Manifests.Flows;

namespace Netpol.Analysis.Audit;

/// <summary>
/// Runs <c>netpol audit</c>: replays observed traffic against the policies without enforcing them. The distinct
/// observed tuples are matched to pods, folded again by the pods they matched, and each resulting (source,
/// destination, port, protocol) is decided once by the fast engine; the explainer then names the rules that
/// admitted it and the cluster network policy rules that decided it (for the per-rule counts) and, for a denial, why
/// and by what.
/// </summary>
public static class AuditAnalysis
{
    /// <summary>Audits the observed flows against the cluster's policies under upstream semantics.</summary>
    public static AuditResult Run(Cluster cluster, ObservedFlows observed, FlowSkips? skipped = null) =>
        Run(cluster, observed, CniProfiles.Portable, skipped);

    /// <summary>
    /// Audits the observed flows against the cluster's policies as a network plugin enforces them: flows are matched
    /// to the pods as loaded, verdicts and explanations are the plugin's (<see cref="CniExplainer"/>), and the cluster
    /// network policies it does not implement are listed as ignored. Under a profile every pair of endpoints is
    /// decided on its own, since the plugin's pair-level rules (traffic from the local node) tell apart pods that
    /// policies treat alike.
    /// </summary>
    public static AuditResult Run(Cluster cluster, ObservedFlows observed, CniProfile profile, FlowSkips? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(profile);
        skipped ??= FlowSkips.None;
        var matcher = new FlowEndpointMatcher(cluster);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new Dictionary<string, (long Flows, string Reason)>(StringComparer.Ordinal);
        var twins = new Dictionary<Pod, Endpoint>(ReferenceEqualityComparer.Instance);
        var pairs = new Dictionary<PairKey, FlowTally>();
        long unknownFlows = 0;
        foreach (var (key, tally) in observed.Tuples)
        {
            var source = matcher.Match(key.Source);
            var destination = matcher.Match(key.Destination);
            Note(source, key.Source, tally.Count, seen, unknown);
            Note(destination, key.Destination, tally.Count, seen, unknown);
            if (source.Endpoint is not { } from || destination.Endpoint is not { } to)
            {
                unknownFlows += tally.Count;
                continue;
            }

            if (from.Pod is { } pod && ReferenceEquals(pod, to.Pod) && !IsSamePod(key.Source, key.Destination))
            {
                // Two pods of one workload both matched its synthetic pod: evaluate them as two pods, not as a
                // pod talking to itself (which NetworkPolicy always allows).
                to = Twin(pod, twins);
            }

            var pairKey = new PairKey(from, to, key.Port, key.Protocol);
            pairs[pairKey] = pairs.TryGetValue(pairKey, out var known) ? known.Add(tally) : tally;
        }

        IConnectivityEngine engine;
        Func<Endpoint, Endpoint, int, Protocol, ConnectionExplanation> explain;
        IReadOnlyList<ClusterNetworkPolicy> ignored = [];
        if (profile.IsPortable)
        {
            engine = MatrixAnalysis.CreateEngine(cluster, EngineKind.Fast);
            explain = new Explainer(cluster).Explain;
        }
        else
        {
            // One comparer builds the plugin's engine once, for the verdicts and the explanations alike.
            var comparer = new CniComparer(cluster, [CniProfiles.Portable, profile]);
            var profiled = (ProfiledEngine)comparer.EngineFor(profile);
            engine = profiled;
            ignored = profiled.Profiled.IgnoredClusterPolicies;
            explain = new CniExplainer(cluster, profile, comparer).Explain;
        }

        var classes = new EquivalentEndpoints(cluster);
        var verdicts = new Dictionary<PairKey, Verdict>();
        var usage = new Dictionary<(string Policy, Direction Direction, int Index), long>();
        var clusterUsage = new Dictionary<(ClusterNetworkPolicy Policy, Direction Direction, int Index), long>();
        var denied = new Dictionary<(string From, string To, int Port, Protocol Protocol), DeniedGroup>();
        long allowed = 0;
        long deniedFlows = 0;
        foreach (var (pair, tally) in pairs)
        {
            // Decide once per class of pair: the representatives stand for every endpoint policies treat alike.
            var from = profile.IsPortable ? classes.Of(pair.From) : pair.From;
            var to = ReferenceEquals(pair.From, pair.To) ? from : profile.IsPortable ? classes.Of(pair.To) : pair.To;
            if (from.Pod is { } representative && ReferenceEquals(from, to) && !ReferenceEquals(pair.From, pair.To))
            {
                to = Twin(representative, twins);
            }

            var classKey = new PairKey(from, to, pair.Port, pair.Protocol);
            if (!verdicts.TryGetValue(classKey, out var verdict))
            {
                verdict = Decide(engine, explain, classKey);
                verdicts[classKey] = verdict;
            }

            foreach (var rule in verdict.Rules)
            {
                usage[rule] = usage.GetValueOrDefault(rule) + tally.Count;
            }

            foreach (var rule in verdict.ClusterRules)
            {
                clusterUsage[rule] = clusterUsage.GetValueOrDefault(rule) + tally.Count;
            }

            if (verdict.Allowed)
            {
                allowed += tally.Count;
                continue;
            }

            deniedFlows += tally.Count;
            var groupKey = (GroupName(pair.From, classes), GroupName(pair.To, classes), pair.Port, pair.Protocol);
            if (!denied.TryGetValue(groupKey, out var group))
            {
                group = new DeniedGroup();
                denied[groupKey] = group;
            }

            group.Add(pair, tally);
        }

        var summary = new AuditSummary(
            observed.Flows + skipped.Flows,
            allowed,
            deniedFlows,
            skipped,
            unknownFlows,
            unknown.Count,
            observed.From,
            observed.To);
        return new AuditResult(
            summary,
            denied.Values.Select(g => g.Result(explain))
                .OrderByDescending(d => d.Count)
                .ThenBy(d => d.From, StringComparer.Ordinal)
                .ThenBy(d => d.To, StringComparer.Ordinal)
                .ThenBy(d => d.Protocol)
                .ThenBy(d => d.Port)
                .ToList(),
            Rules(cluster, usage),
            Silent(cluster, seen),
            unknown.Select(kv => new UnknownEndpoint(kv.Key, kv.Value.Flows, kv.Value.Reason))
                .OrderByDescending(u => u.Flows)
                .ThenBy(u => u.Endpoint, StringComparer.Ordinal)
                .ToList())
        {
            ClusterRules = ClusterRules(cluster, clusterUsage),
            Cni = profile.IsPortable ? null : profile,
            IgnoredClusterPolicies = ignored,
        };
    }

    /// <summary>
    /// What denied a connection, one entry per denying side, egress first: the tier rule whose Deny decided it, or
    /// the NetworkPolicies that isolate the pod (a default deny when they have no rule for the direction).
    /// </summary>
    public static IReadOnlyList<string> DeniedBy(ConnectionExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var result = new List<string>();
        if (explanation.Allowed || explanation.SamePod)
        {
            return result;
        }

        foreach (var side in new[] { explanation.Egress, explanation.Ingress })
        {
            if (side.Allowed)
            {
                continue;
            }

            if (side.DecidingStep is { } step)
            {
                result.Add(step.Reference);
                continue;
            }

            var direction = side.Direction == Direction.Ingress ? "ingress" : "egress";
            var policies = string.Join(", ", side.SelectingPolicies.Select(p => p.FullName));
            result.Add(side.Rules.Count == 0
                ? $"[NetworkPolicy] {direction} default deny by {policies}"
                : $"[NetworkPolicy] {direction} isolation by {policies}");
        }

        return result;
    }

    /// <summary>How flows name a pod's workload: <c>ns/deploy/web</c>, <c>ns/pod</c> without owner, or the address.</summary>
    public static string WorkloadName(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Pod is { } pod ? $"{pod.Namespace}/{pod.Owner ?? pod.Name}" : endpoint.Address!.ToString();
    }

    // Flows between ends with the same pod name (or, without names, the same address) are a pod talking to itself.
    private static bool IsSamePod(FlowEndpoint a, FlowEndpoint b) =>
        a.PodName is not null
            ? a.PodName == b.PodName && a.Namespace == b.Namespace
            : b.PodName is null && a.IP is not null && a.IP.Equals(b.IP);

    private static Endpoint Twin(Pod pod, Dictionary<Pod, Endpoint> twins)
    {
        if (!twins.TryGetValue(pod, out var twin))
        {
            // A copy is another pod with the same template: the same labels, ports and namespace.
            twin = Endpoint.ForPod(pod with { });
            twins[pod] = twin;
        }

        return twin;
    }

    private static void Note(EndpointMatch match, FlowEndpoint endpoint, long count, HashSet<string> seen, Dictionary<string, (long Flows, string Reason)> unknown)
    {
        if (match.Endpoint is { Pod: not null } e)
        {
            seen.Add(WorkloadName(e));
        }
        else if (match.IsUnknown)
        {
            var name = endpoint.ToString();
            unknown[name] = unknown.TryGetValue(name, out var u) ? (u.Flows + count, u.Reason) : (count, match.Reason ?? "matches nothing");
        }
    }

    private static Verdict Decide(IConnectivityEngine engine, Func<Endpoint, Endpoint, int, Protocol, ConnectionExplanation> explain, PairKey pair)
    {
        var allowed = engine.AllowedPorts(pair.From, pair.To).Contains(pair.Port, pair.Protocol);
        var explanation = explain(pair.From, pair.To, pair.Port, pair.Protocol);
        if (explanation.SamePod)
        {
            return new Verdict(allowed, [], []);
        }

        // A NetworkPolicy rule is used only where NetworkPolicy was consulted: not on a side an Admin rule decided.
        var rules = new[] { explanation.Egress, explanation.Ingress }
            .Where(side => side.DecidedBy is TierDecision.None or TierDecision.NetworkPolicy)
            .SelectMany(side => side.AllowingRules)
            .Select(r => (r.Policy.FullName, r.Direction, r.RuleIndex))
            .ToArray();

        // A tier rule is used where it matched the port: its Accept or Deny decided the side, or its Pass handed it on.
        var clusterRules = explanation.Egress.TierSteps.Concat(explanation.Ingress.TierSteps)
            .Where(step => step.Matched)
            .Select(step => (step.Policy, step.Direction, step.RuleIndex))
            .ToArray();
        return new Verdict(allowed, rules, clusterRules);
    }

    // Denied flows group by workload; external addresses group by what the policies can tell apart (the ipBlocks
    // that contain them), so that a thousand internet clients refused alike make one group, not a thousand.
    private static string GroupName(Endpoint endpoint, EquivalentEndpoints classes) =>
        endpoint.Pod is not null ? WorkloadName(endpoint) : classes.KeyOf(endpoint);

    private static List<RuleUsage> Rules(Cluster cluster, Dictionary<(string, Direction, int), long> usage)
    {
        var result = new List<RuleUsage>();
        foreach (var policy in cluster.Policies)
        {
            foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
            {
                if (!policy.Affects(direction))
                {
                    continue;
                }

                var rules = policy.Rules(direction);
                for (var i = 0; i < rules.Count; i++)
                {
                    result.Add(new RuleUsage(policy, direction, i, usage.GetValueOrDefault((policy.FullName, direction, i))));
                }
            }
        }

        return result;
    }

    private static List<ClusterRuleUsage> ClusterRules(Cluster cluster, Dictionary<(ClusterNetworkPolicy, Direction, int), long> usage)
    {
        var result = new List<ClusterRuleUsage>();
        foreach (var policy in cluster.ClusterPolicies)
        {
            foreach (var direction in new[] { Direction.Ingress, Direction.Egress })
            {
                var rules = policy.Rules(direction);
                for (var i = 0; i < rules.Count; i++)
                {
                    result.Add(new ClusterRuleUsage(policy, direction, i, usage.GetValueOrDefault((policy, direction, i))));
                }
            }
        }

        return result;
    }

    private static List<SilentWorkload> Silent(Cluster cluster, HashSet<string> seen)
    {
        var kinds = WorkloadKinds.ByKind.ToDictionary(kv => kv.Value.Short, kv => kv.Key, StringComparer.Ordinal);
        return cluster.Pods
            .GroupBy(p => $"{p.Namespace}/{p.Owner ?? p.Name}", StringComparer.Ordinal)
            .Where(g => !seen.Contains(g.Key))
            .Select(g =>
            {
                var owner = g.First().Owner;
                var kind = owner is null ? null : kinds.GetValueOrDefault(owner[..owner.IndexOf('/', StringComparison.Ordinal)]);
                return new SilentWorkload(g.Key, kind);
            })
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
    }

    private readonly record struct PairKey(Endpoint From, Endpoint To, int Port, Protocol Protocol)
    {
        // Endpoints are shared instances (one per pod, one per address): identity is the right and cheap equality.
        public bool Equals(PairKey other) =>
            ReferenceEquals(From, other.From) && ReferenceEquals(To, other.To) && Port == other.Port && Protocol == other.Protocol;

        public override int GetHashCode() =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(From), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(To), Port, Protocol);
    }

    private sealed class EndpointPairComparer : IEqualityComparer<(Endpoint, Endpoint)>
    {
        public static readonly EndpointPairComparer Instance = new();

        public bool Equals((Endpoint, Endpoint) x, (Endpoint, Endpoint) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((Endpoint, Endpoint) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }

    private readonly record struct Verdict(
        bool Allowed,
        (string Policy, Direction Direction, int Index)[] Rules,
        (ClusterNetworkPolicy Policy, Direction Direction, int Index)[] ClusterRules);

    private sealed class DeniedGroup
    {
        private readonly HashSet<IPAddress> _fromAddresses = [];
        private readonly HashSet<IPAddress> _toAddresses = [];
        private FlowTally _tally;
        private int _pairs;
        private PairKey _representative;
        private long _representativeCount = -1;

        public void Add(PairKey pair, FlowTally tally)
        {
            _tally = _pairs == 0 ? tally : _tally.Add(tally);
            _pairs++;
            AddAddress(_fromAddresses, pair.From);
            AddAddress(_toAddresses, pair.To);
            if (tally.Count > _representativeCount
                || (tally.Count == _representativeCount && string.CompareOrdinal(Describe(pair), Describe(_representative)) < 0))
            {
                _representativeCount = tally.Count;
                _representative = pair;
            }
        }

        public DeniedFlows Result(Func<Endpoint, Endpoint, int, Protocol, ConnectionExplanation> explain)
        {
            var p = _representative;
            var explanation = explain(p.From, p.To, p.Port, p.Protocol);
            return new DeniedFlows(
                Name(p.From, _fromAddresses),
                Name(p.To, _toAddresses),
                p.Port,
                p.Protocol,
                _tally.Count,
                _pairs,
                _tally.First,
                _tally.Last,
                explanation)
            {
                DeniedBy = DeniedBy(explanation),
            };
        }

        private static void AddAddress(HashSet<IPAddress> set, Endpoint endpoint)
        {
            if (endpoint.Address is { } a)
            {
                set.Add(a);
            }
        }

        // One address is named; several (alike to every policy) are counted, with the lowest three as examples.
        private static string Name(Endpoint endpoint, HashSet<IPAddress> addresses)
        {
            if (endpoint.Pod is not null)
            {
                return WorkloadName(endpoint);
            }

            if (addresses.Count == 1)
            {
                return addresses.First().ToString();
            }

            var shown = string.Join(", ", addresses.Order(AddressOrder.Instance).Take(3));
            return $"{addresses.Count} external addresses ({shown}{(addresses.Count > 3 ? ", ..." : string.Empty)})";
        }

        private static string Describe(PairKey pair) => pair.From is null ? string.Empty : $"{pair.From} {pair.To}";
    }

    private sealed class AddressOrder : IComparer<IPAddress>
    {
        public static readonly AddressOrder Instance = new();

        public int Compare(IPAddress? x, IPAddress? y)
        {
            var a = x!.GetAddressBytes();
            var b = y!.GetAddressBytes();
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.AsSpan().SequenceCompareTo(b);
        }
    }
}
