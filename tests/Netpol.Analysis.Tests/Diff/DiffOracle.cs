using Netpol.Analysis.Diff;
using Netpol.Analysis.Matrix;
using Netpol.Core.Model;

namespace Netpol.Analysis.Tests.Diff;

/// <summary>
/// The diff computed the slow, obvious way: the reference evaluator's matrix of each side, cell by cell, for the
/// endpoints both sides have. The fast diff must print exactly the same lines.
/// </summary>
internal static class DiffOracle
{
    public static (List<string> Gained, List<string> Lost) Expected(Cluster before, Cluster after, DiffOptions options)
    {
        var matrix = new MatrixOptions { By = options.By, Engine = EngineKind.Reference };
        var b = Cells(before, matrix, options.Namespaces);
        var h = Cells(after, matrix, options.Namespaces);
        var gained = new List<string>();
        var lost = new List<string>();
        foreach (var ((from, to), ports) in b.OrderBy(kv => kv.Key.From, StringComparer.Ordinal).ThenBy(kv => kv.Key.To, StringComparer.Ordinal))
        {
            if (!h.TryGetValue((from, to), out var other))
            {
                continue;
            }

            if (other.Except(ports) is { IsEmpty: false } g)
            {
                gained.Add($"{from} -> {to} {g}");
            }

            if (ports.Except(other) is { IsEmpty: false } l)
            {
                lost.Add($"{from} -> {to} {l}");
            }
        }

        return (gained, lost);
    }

    /// <summary>The fast diff's connection changes as the same lines.</summary>
    public static List<string> Lines(IEnumerable<ConnectionChange> changes) =>
        changes.Select(c => $"{c.From} -> {c.To} {c.Ports}").ToList();

    private static Dictionary<(string From, string To), PortSet> Cells(Cluster cluster, MatrixOptions options, IReadOnlyList<string> namespaces)
    {
        bool Kept(string name) => namespaces.Count == 0 || namespaces.Contains(name[..name.IndexOf('/', StringComparison.Ordinal)]);
        return MatrixAnalysis.Run(cluster, options).Cells
            .Where(c => Kept(c.From) && Kept(c.To))
            .ToDictionary(c => (c.From, c.To), c => c.Ports);
    }
}
