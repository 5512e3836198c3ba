using System.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>Runs the enabled rules of the catalogue over a cluster and sorts what they find.</summary>
public static class LintAnalysis
{
    /// <summary>Lints the cluster.</summary>
    public static LintResult Run(Cluster cluster, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        options ??= new LintOptions();
        var context = new LintContext(cluster, options);
        var ran = new List<LintRule>();
        var timings = new List<(string, TimeSpan)>();
        foreach (var rule in RuleCatalog.All)
        {
            if (!options.Config.IsEnabled(rule.Id))
            {
                continue;
            }

            context.Begin(rule, options.Config.SeverityOf(rule));
            var started = Stopwatch.GetTimestamp();
            rule.Check(context);
            timings.Add((rule.Id, Stopwatch.GetElapsedTime(started)));

            ran.Add(rule);
        }

        var sorted = context.Findings
            .OrderBy(f => f.Namespace, StringComparer.Ordinal)
            .ThenBy(f => f.Object, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line ?? 0)
            .ThenBy(f => f.Location?.Column ?? 0)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToList();
        return new LintResult(sorted, context.Suppressed, ran) { Timings = timings };
    }
}
