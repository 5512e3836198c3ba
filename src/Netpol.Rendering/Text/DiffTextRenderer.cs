using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;

namespace Netpol.Rendering.Text;

/// <summary>
/// Writes a diff for people: connection changes grouped by source (lost before gained, each
/// <c>lost: FROM -&gt; TO PORTS</c>, followed by the tier rules that decided it, if any), then changed cluster network
/// policies with what changed in each, changed policies, endpoints present on one side only, and the summary line
/// <c>N connections gained, M lost; P policies changed</c> (with tiers: <c>; C cluster policies changed</c>).
/// </summary>
public static class DiffTextRenderer
{
    /// <summary>Writes the result.</summary>
    public static void Write(DiffResult result, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(w);
        if (result.Cni is { } cni)
        {
            w.WriteLine($"network plugin: {cni.Name} ({cni.Title}): connections compared as it enforces both sides (--cni {cni.Name})");
            if (result.IgnoredClusterPolicies.Count > 0)
            {
                w.WriteLine($"  it ignores {string.Join(", ", result.IgnoredClusterPolicies)}: their changes change no connection here");
            }

            w.WriteLine();
        }

        var lost = result.Lost.ToLookup(c => c.From, StringComparer.Ordinal);
        var gained = result.Gained.ToLookup(c => c.From, StringComparer.Ordinal);
        var sources = result.Lost.Select(c => c.From).Concat(result.Gained.Select(c => c.From))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            w.WriteLine(source);
            foreach (var c in lost[source])
            {
                w.WriteLine($"  lost: {c.From} -> {c.To} {PortText.Line(c.Ports)}");
                WriteCauses(c, w);
            }

            foreach (var c in gained[source])
            {
                w.WriteLine($"  gained: {c.From} -> {c.To} {PortText.Line(c.Ports)}");
                WriteCauses(c, w);
            }

            w.WriteLine();
        }

        WriteClusterPolicies(result.ClusterPolicies, w);
        var p = result.Policies;
        var e = result.Endpoints;
        var noun = result.By == Grouping.Workload ? "workload" : "pod";
        var lines = p.Added.Select(n => $"added policy: {n}")
            .Concat(p.Removed.Select(n => $"removed policy: {n}"))
            .Concat(p.Modified.Select(m => $"modified policy: {m.Name} ({string.Join(", ", m.Fields)})"))
            .Concat(e.Added.Select(n => $"added {noun}: {n} (only in head, not compared)"))
            .Concat(e.Removed.Select(n => $"removed {noun}: {n} (only in base, not compared)"))
            .ToList();
        foreach (var line in lines)
        {
            w.WriteLine(line);
        }

        if (lines.Count > 0)
        {
            w.WriteLine();
        }

        w.WriteLine(Summary(result));
    }

    /// <summary><c>N connections gained, M lost; P policies changed</c>.</summary>
    public static string Summary(DiffResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var gained = result.Gained.Count;
        var policies = result.Policies.Count;
        return $"{gained} connection{(gained == 1 ? string.Empty : "s")} gained, {result.Lost.Count} lost; {policies} {(policies == 1 ? "policy" : "policies")} changed{DiffTierText.SummarySuffix(result)}";
    }

    private static void WriteCauses(ConnectionChange change, TextWriter w)
    {
        foreach (var cause in change.TierRules)
        {
            w.WriteLine($"    {DiffTierText.Cause(cause)}");
        }
    }

    private static void WriteClusterPolicies(ClusterPolicyChanges changes, TextWriter w)
    {
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var name in changes.Added)
        {
            w.WriteLine($"added cluster policy: {name}");
        }

        foreach (var name in changes.Removed)
        {
            w.WriteLine($"removed cluster policy: {name}");
        }

        foreach (var m in changes.Modified)
        {
            w.WriteLine($"modified cluster policy: {m.Name} ({string.Join(", ", m.Fields)})");
            foreach (var c in m.Changes)
            {
                w.WriteLine($"  {DiffTierText.Change(c)}");
            }
        }

        w.WriteLine();
    }
}
