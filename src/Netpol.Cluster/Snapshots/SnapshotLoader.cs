using System.Text;
using System.Text.Json;
using Netpol.Core.Diagnostics;
using Netpol.LiveCluster.Reading;
using Netpol.Manifests.Loading;

namespace Netpol.LiveCluster.Snapshots;

/// <summary>
/// Turns what was read from a cluster into the model, through the same decoder and validation as manifests, so a
/// live cluster and its snapshot loaded with <c>-f</c> give the same answers.
/// </summary>
public static class SnapshotLoader
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Decodes the snapshot's objects; the reader's notes and the kinds netpol keeps but does not analyse become notes.</summary>
    public static LoadResult Load(ClusterSnapshot snapshot, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var documents = snapshot.Objects
            .Where(o => ApiResource.AnalysedKinds.Contains(o["kind"]!.GetValue<string>()))
            .Select(o => (ClusterSnapshot.NameOf(o), Encoding.UTF8.GetBytes(o.ToJsonString(Indented))));
        var result = ManifestLoader.LoadJson(documents, options);
        var notes = snapshot.Notes.Select(n => new Diagnostic(Severity.Info, "cluster", null, null, null, n)).ToList();
        foreach (var group in snapshot.Objects
            .Select(o => o["kind"]!.GetValue<string>())
            .Where(k => !ApiResource.AnalysedKinds.Contains(k))
            .GroupBy(k => k, StringComparer.Ordinal))
        {
            var n = group.Count();
            notes.Add(new Diagnostic(Severity.Info, "not-analysed", null, null, null,
                $"read {n} {group.Key} object{(n == 1 ? string.Empty : "s")}: netpol does not analyse them yet, so verdicts ignore them"));
        }

        return notes.Count == 0 ? result : new LoadResult(result.Cluster, [.. notes, .. result.Diagnostics]);
    }
}
