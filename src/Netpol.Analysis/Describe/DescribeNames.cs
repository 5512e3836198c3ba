using Netpol.Analysis.Naming;
using Netpol.Core;
using Netpol.Core.Model;

namespace Netpol.Analysis.Describe;

/// <summary>
/// Finds what <c>describe</c> is asked about, the way kubectl reads names (a bare name is in namespace default),
/// and for an unknown name lists the closest known ones: same last segment first, then by edit distance.
/// </summary>
internal static class DescribeNames
{
    private const int MaxCandidates = 5;
    private const int MaxListed = 10;

    public static Pod FindPod(Cluster cluster, string text)
    {
        var parts = text.Split('/');
        var full = parts.Length switch
        {
            1 => $"default/{text}",
            2 => text,
            3 when parts[1].ToLowerInvariant() is "pod" or "pods" or "po" => $"{parts[0]}/{parts[2]}",
            3 when WorkloadKinds.Aliases.TryGetValue(parts[1], out var kind) => $"{parts[0]}/{kind}/{parts[2]}",
            _ => null,
        };
        if (full is null || parts.Any(p => p.Length == 0))
        {
            throw new NetpolException($"cannot read pod \"{text}\": use NAMESPACE/POD, POD (in namespace default) or NAMESPACE/KIND/NAME (deploy, sts, ds, rs, rc, job, cronjob)");
        }

        if (cluster.FindPod(full) is { } pod)
        {
            return pod;
        }

        if (parts.Length == 3)
        {
            // A workload given as real pods with owner references: describe its pod when it has exactly one.
            var owner = full[(parts[0].Length + 1)..];
            var owned = cluster.PodsIn(parts[0]).Where(p => p.Owner == owner).ToList();
            if (owned.Count == 1)
            {
                return owned[0];
            }

            if (owned.Count > 1)
            {
                var shown = string.Join(", ", owned.Take(10).Select(p => p.FullName));
                throw new NetpolException($"{full} has {owned.Count} pods; describe one of them: {shown}{(owned.Count > 10 ? ", ..." : string.Empty)}");
            }
        }

        throw Unknown("pod or workload", text, full, cluster.Pods.Select(p => p.FullName));
    }

    public static NetworkPolicy FindPolicy(Cluster cluster, string text)
    {
        var parts = text.Split('/');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            throw new NetpolException($"cannot read policy \"{text}\": use NAMESPACE/NAME, or NAME (in namespace default)");
        }

        var (ns, name) = parts.Length == 1 ? ("default", text) : (parts[0], parts[1]);
        return cluster.PoliciesIn(ns).FirstOrDefault(p => p.Name == name)
            ?? throw Unknown("NetworkPolicy", text, $"{ns}/{name}", cluster.Policies.Select(p => p.FullName));
    }

    /// <summary>A cluster network policy: <c>NAME</c>, or <c>cnp/NAME</c>, <c>anp/NAME</c>, <c>banp/default</c> to say the kind.</summary>
    public static ClusterNetworkPolicy FindClusterPolicy(Cluster cluster, string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var prefix = slash < 0 ? null : text[..slash].ToLowerInvariant();
        var name = slash < 0 ? text : text[(slash + 1)..];
        string? kind = prefix switch
        {
            null => null,
            "cnp" or "clusternetworkpolicy" => "ClusterNetworkPolicy",
            "anp" or "adminnetworkpolicy" => "AdminNetworkPolicy",
            "banp" or "baselineadminnetworkpolicy" => "BaselineAdminNetworkPolicy",
            _ => throw new NetpolException($"cannot read cluster policy \"{text}\": use NAME, cnp/NAME, anp/NAME or banp/default"),
        };
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal))
        {
            throw new NetpolException($"cannot read cluster policy \"{text}\": use NAME, cnp/NAME, anp/NAME or banp/default");
        }

        var found = cluster.ClusterPolicies.Where(p => p.Name == name && (kind is null || p.Kind == kind)).ToList();
        if (found.Count > 1)
        {
            throw new NetpolException($"\"{text}\" names {found.Count} cluster policies ({string.Join(", ", found.Select(Core.Explain.ClusterPolicyNames.Short))}); say which with cnp/, anp/ or banp/");
        }

        return found.Count == 1
            ? found[0]
            : throw Unknown("cluster policy", text, kind is null ? $"cnp/{name}" : text, cluster.ClusterPolicies.Select(Core.Explain.ClusterPolicyNames.Short));
    }

    public static Namespace FindNamespace(Cluster cluster, string text) =>
        cluster.FindNamespace(text) ?? throw Unknown("namespace", text, text, cluster.Namespaces.Select(n => n.Name));

    private static NetpolException Unknown(string what, string text, string full, IEnumerable<string> known)
    {
        var names = known.ToList();
        var candidates = Candidates(full, names);
        var hint = candidates.Count > 0
            ? $"; did you mean {string.Join(", ", candidates)}?"
            : names.Count == 0 ? $"; the input has no {what}"
            : names.Count <= MaxListed ? $"; the input has: {string.Join(", ", names)}"
            : $"; none of the {names.Count} in the input has a close name";
        return new NetpolException($"no {what} \"{text}\" in the input{hint}");
    }

    /// <summary>
    /// Known names whose last segment is the one asked for, then those whose last segment contains it (or the reverse),
    /// then the nearest by edit distance (within a third of the length, at least 2, and at most one more than the
    /// nearest); closest first.
    /// </summary>
    internal static List<string> Candidates(string text, IReadOnlyList<string> names)
    {
        var last = text[(text.LastIndexOf('/') + 1)..];
        var scored = names.Select(n => (Name: n, Rank: Rank(n[(n.LastIndexOf('/') + 1)..], last), Distance: EditDistance.Between(n, text))).ToList();
        var nearest = scored.Count == 0 ? 0 : scored.Min(x => x.Distance);
        var limit = Math.Min(Math.Max(2, text.Length / 3), nearest + 1);
        return scored
            .Where(x => x.Rank < 2 || x.Distance <= limit)
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Distance)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(MaxCandidates)
            .Select(x => x.Name)
            .ToList();
    }

    private static int Rank(string knownLast, string askedLast) =>
        knownLast == askedLast ? 0
        : askedLast.Length >= 3 && (knownLast.Contains(askedLast, StringComparison.Ordinal) || askedLast.Contains(knownLast, StringComparison.Ordinal)) ? 1
        : 2;

}
