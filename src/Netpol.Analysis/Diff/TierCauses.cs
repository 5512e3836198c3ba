using Netpol.Core.Explain;
using Netpol.Core.Model;

namespace Netpol.Analysis.Diff;

/// <summary>
/// Names the cluster network policy rules behind connection changes. For each changed range of ports (at most
/// <see cref="MaxProbes"/> per connection) the first port is explained on both sides, between the first pod of each
/// endpoint (the first two pods, for a workload's connection to itself), as <c>netpol check</c> explains it. On each
/// connection side whose verdict changed, the rule that decided it on base and on head, if a tier decided it, is a
/// cause; it is credited with the changed ports of that range that it decides for the pair.
/// </summary>
internal sealed class TierCauses(Cluster before, Cluster after)
{
    /// <summary>Port ranges explained per connection at most, so that a sweeping change stays cheap.</summary>
    public const int MaxProbes = 8;

    private readonly Explainer _before = new(before);
    private readonly Explainer _after = new(after);

    public List<ConnectionChange> Annotate(List<ConnectionChange> changes, IReadOnlyDictionary<string, (List<Pod> Before, List<Pod> After)> endpoints)
    {
        var result = new List<ConnectionChange>(changes.Count);
        foreach (var change in changes)
        {
            var from = endpoints[change.From];
            var to = endpoints[change.To];
            var causes = Causes(change, from, to);
            result.Add(causes.Count == 0 ? change : change with { TierRules = causes });
        }

        return result;
    }

    private List<TierCause> Causes(ConnectionChange change, (List<Pod> Before, List<Pod> After) from, (List<Pod> Before, List<Pod> After) to)
    {
        var self = change.From == change.To;
        if (Pair(from.Before, to.Before, self) is not { } b || Pair(from.After, to.After, self) is not { } h)
        {
            return [];
        }

        var found = new List<(string Side, TierStep Step, PortSet Ports)>();
        foreach (var range in change.Ports.Ranges.Take(MaxProbes))
        {
            var ports = PortSet.Of(range.Protocol, range.Start, range.End);
            var eb = _before.Explain(b.From, b.To, range.Start, range.Protocol);
            var eh = _after.Explain(h.From, h.To, range.Start, range.Protocol);
            if (eb.SamePod || eh.SamePod)
            {
                continue;
            }

            foreach (var (sb, sh) in new[] { (eb.Egress, eh.Egress), (eb.Ingress, eh.Ingress) })
            {
                if (sb.Allowed == sh.Allowed)
                {
                    continue;
                }

                if (sb.DecidingStep is { } s)
                {
                    found.Add(("base", s, ports.Intersect(s.Ports)));
                }

                if (sh.DecidingStep is { } t)
                {
                    found.Add(("head", t, ports.Intersect(t.Ports)));
                }
            }
        }

        // One cause per (side, rule): the ports of every range it decided, together.
        return found
            .Where(f => !f.Ports.IsEmpty)
            .GroupBy(f => (f.Side, f.Step.Reference))
            .Select(g =>
            {
                var step = g.First().Step;
                var ports = g.Aggregate(PortSet.Empty, (acc, f) => acc.Union(f.Ports));
                return new TierCause(g.Key.Side, step.Direction, step.Reference, step.Action, step.RuleName, ports);
            })
            .OrderBy(c => c.Side == "head" ? 0 : 1)
            .ThenBy(c => c.Direction)
            .ThenBy(c => c.Rule, StringComparer.Ordinal)
            .ToList();
    }

    private static (Endpoint From, Endpoint To)? Pair(List<Pod> from, List<Pod> to, bool self)
    {
        if (!self)
        {
            return (Endpoint.ForPod(from[0]), Endpoint.ForPod(to[0]));
        }

        // A workload's connection to itself is between two of its pods (one pod alone always reaches itself).
        return from.Count > 1 ? (Endpoint.ForPod(from[0]), Endpoint.ForPod(from[1])) : null;
    }
}
