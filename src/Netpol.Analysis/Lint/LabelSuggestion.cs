using System.Text;
using Netpol.Analysis.Naming;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>
/// For a selector that matches nothing: the existing label set it comes closest to, and the selector that would
/// match it. Closest means fewest failing requirements, then the smallest edit distance between what was written
/// and what exists (so <c>app=frontnd</c> finds <c>app=frontend</c> and <c>ap=frontend</c> finds it too).
/// </summary>
internal sealed record LabelSuggestion(LabelSelector Selector, IReadOnlyDictionary<string, string> Target, int Distance)
{
    public static LabelSuggestion? Find(LabelSelector selector, IEnumerable<IReadOnlyDictionary<string, string>> candidates)
    {
        LabelSuggestion? best = null;
        var bestFailing = int.MaxValue;
        foreach (var labels in candidates.Where(l => l.Count > 0).DistinctBy(Key))
        {
            var failing = selector.Failing(labels).ToList();
            if (failing.Count == 0 || failing.Count > bestFailing)
            {
                continue;
            }

            var requirements = new List<LabelRequirement>();
            var distance = 0;
            foreach (var r in selector.Requirements)
            {
                if (r.Matches(labels))
                {
                    requirements.Add(r);
                    continue;
                }

                if (r.Operator != SelectorOperator.In)
                {
                    // NotIn / DoesNotExist / Exists that fail: the suggestion drops them.
                    distance += r.Key.Length;
                    continue;
                }

                var (key, cost) = labels.ContainsKey(r.Key)
                    ? (r.Key, 0)
                    : labels.Keys.Select(k => (k, EditDistance.Between(k, r.Key))).OrderBy(t => t.Item2).ThenBy(t => t.k, StringComparer.Ordinal).First();
                var value = labels[key];
                cost += r.Values.Min(v => EditDistance.Between(v, value));
                distance += cost;
                requirements.Add(new LabelRequirement(key, SelectorOperator.In, [value]));
            }

            if (failing.Count < bestFailing || distance < best!.Distance)
            {
                best = new LabelSuggestion(new LabelSelector(requirements), labels, distance);
                bestFailing = failing.Count;
            }
        }

        return best;
    }

    /// <summary>The suggested selector as YAML under <paramref name="field"/>, indented by <paramref name="indent"/>.</summary>
    public string ToYaml(string field, int indent = 0) => SelectorYaml(field, Selector, indent);

    public static string SelectorYaml(string field, LabelSelector selector, int indent = 0)
    {
        var pad = new string(' ', indent);
        var sb = new StringBuilder();
        if (selector.IsEmpty)
        {
            sb.Append(pad).Append(field).Append(": {}");
            return sb.ToString();
        }

        sb.Append(pad).Append(field).Append(':');
        var labels = selector.Requirements.Where(r => r.Operator == SelectorOperator.In && r.Values.Count == 1).ToList();
        var expressions = selector.Requirements.Except(labels).ToList();
        if (labels.Count > 0)
        {
            sb.Append('\n').Append(pad).Append("  matchLabels:");
            foreach (var r in labels)
            {
                sb.Append('\n').Append(pad).Append("    ").Append(r.Key).Append(": ").Append(r.Values[0]);
            }
        }

        if (expressions.Count > 0)
        {
            sb.Append('\n').Append(pad).Append("  matchExpressions:");
            foreach (var r in expressions)
            {
                sb.Append('\n').Append(pad).Append("    - key: ").Append(r.Key);
                sb.Append('\n').Append(pad).Append("      operator: ").Append(r.Operator);
                if (r.Values.Count > 0)
                {
                    sb.Append('\n').Append(pad).Append("      values: [").Append(string.Join(", ", r.Values)).Append(']');
                }
            }
        }

        return sb.ToString();
    }

    private static string Key(IReadOnlyDictionary<string, string> labels) =>
        string.Join(",", labels.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}
