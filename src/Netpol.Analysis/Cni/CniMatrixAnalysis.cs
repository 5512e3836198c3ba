using Netpol.Analysis.Matrix;
using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Cni;

/// <summary>Runs <c>netpol matrix --cni all</c>: the matrix under every profile, reduced to where they disagree.</summary>
public static class CniMatrixAnalysis
{
    /// <summary>Compares every profile over the matrix the options select (their <c>Cni</c> is not read).</summary>
    public static CniMatrixResult Run(Cluster cluster, MatrixOptions options) => Run(cluster, options, CniProfiles.All);

    /// <summary>Compares the given profiles (portable should come first) over the matrix the options select.</summary>
    public static CniMatrixResult Run(Cluster cluster, MatrixOptions options, IReadOnlyList<CniProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(profiles);
        var comparer = new CniComparer(cluster, profiles, MatrixAnalysis.EngineFactory(options.Engine));
        var endpoints = MatrixAnalysis.Endpoints(cluster, options);
        var filter = MatrixAnalysis.Filter(options);
        var differences = new List<CniDifference>();
        foreach (var row in endpoints)
        {
            foreach (var col in endpoints)
            {
                var portable = MatrixAnalysis.PairCells(comparer.Portable, row, col, options.Probes, filter);
                var perProfile = profiles.Select(p => p.IsPortable ? portable : MatrixAnalysis.PairCells(comparer.EngineFor(p), row, col, options.Probes, filter)).ToList();
                for (var i = 0; i < portable.Count; i++)
                {
                    if (perProfile.All(cells => MatrixAnalysis.SameVerdict(cells[i], portable[i])))
                    {
                        continue;
                    }

                    var scope = MatrixAnalysis.Scope(portable[i].Probe, filter);
                    var verdicts = profiles.Select((p, k) =>
                    {
                        var c = perProfile[k][i];
                        var reasons = MatrixAnalysis.SameVerdict(c, portable[i]) ? [] : MatrixAnalysis.Reasons(comparer, p, row, col, scope);
                        return new CniVerdict(p.Name, c.Allowed, c.Ports, reasons);
                    }).ToList();
                    differences.Add(new CniDifference(row.Name, col.Name, portable[i].Probe, verdicts));
                }
            }
        }

        return new CniMatrixResult([.. profiles.Select(p => p.Name)], options.Probes, endpoints.Count * endpoints.Count, differences);
    }
}
