using System.Text.Json.Nodes;
using Netpol.Core;
using Netpol.LiveCluster.Snapshots;

namespace Netpol.LiveCluster.Reading;

/// <summary>
/// Reads what NetworkPolicy analysis needs from a live cluster, with list requests only: all namespaces, then the
/// pods, services and NetworkPolicies of the chosen namespaces, the cluster-scoped policy CRDs when they are
/// installed, and then the nodes when one of those policies has a <c>nodes</c> peer. Lists run a few at a time; a failure cancels the others.
/// </summary>
public static class ClusterReader
{
    /// <summary>Connects as <paramref name="options"/> say and reads the cluster.</summary>
    public static async Task<ClusterSnapshot> ReadAsync(ClusterSourceOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var connection = ClusterConnection.Open(options);
        return await ReadAsync(connection, options, cancel).ConfigureAwait(false);
    }

    /// <summary>Reads the cluster through an open connection.</summary>
    public static async Task<ClusterSnapshot> ReadAsync(ClusterConnection connection, ClusterSourceOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string?> scopes = options.AllNamespaces
            ? new string?[] { null }
            : options.Namespaces.Count > 0 ? options.Namespaces.Distinct(StringComparer.Ordinal).ToList() : [connection.DefaultNamespace];

        var jobs = new List<Func<CancellationToken, Task<(List<JsonObject>? Items, ApiResource Resource, string? Note)>>>();
        var lister = new ApiLister(connection, options);
        var objects = 0;
        var done = 0;
        var progressLock = new object();
        void Report(string? finished)
        {
            if (options.Progress is { } progress)
            {
                lock (progressLock)
                {
                    progress(new ReadProgress(Volatile.Read(ref done), jobs.Count, Volatile.Read(ref objects), finished));
                }
            }
        }

        void Page(int n)
        {
            Interlocked.Add(ref objects, n);
            Report(null);
        }

        jobs.Add(async c => (await lister.ListAsync(ApiResource.Namespaces, null, Page, c).ConfigureAwait(false), ApiResource.Namespaces, null));
        foreach (var resource in (ApiResource[])[ApiResource.Pods, ApiResource.Services, ApiResource.NetworkPolicies])
        {
            foreach (var ns in scopes)
            {
                jobs.Add(async c => (await lister.ListAsync(resource, ns, Page, c).ConfigureAwait(false), resource, null));
            }
        }

        foreach (var versions in ApiResource.ClusterPolicies)
        {
            jobs.Add(c => ListOptionalAsync(lister, versions, Page, c));
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var gate = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        var tasks = jobs.Select(async job =>
        {
            await gate.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                var result = await job(failed.Token).ConfigureAwait(false);
                Interlocked.Increment(ref done);
                Report(result.Items is not null ? $"{result.Items.Count} {result.Resource.Plural}"
                    : result.Note is null ? $"no {result.Resource.Plural} (CRD not installed)"
                    : $"no {result.Resource.Plural} (forbidden)");
                return result;
            }
            catch (Exception) when (!failed.IsCancellationRequested)
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (!cancel.IsCancellationRequested)
        {
            // Report the failure that cancelled the rest, not the cancellations it caused.
            var first = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is NetpolException)
                ?? tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).First();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }

        var results = tasks.Select(t => t.Result).ToList();
        if (results.Any(r => r.Resource.Kind is "ClusterNetworkPolicy" or "AdminNetworkPolicy" or "BaselineAdminNetworkPolicy"
            && (r.Items ?? []).Any(HasNodesPeer)))
        {
            // Nodes are read only when a nodes peer needs them, so a role without "list nodes" still works otherwise.
            jobs.Add(c => ListNodesAsync(lister, Page, c));
            Report(null);
            var nodes = await jobs[^1](cancel).ConfigureAwait(false);
            Interlocked.Increment(ref done);
            Report(nodes.Items is not null ? $"{nodes.Items.Count} nodes" : "no nodes (forbidden)");
            results.Add(nodes);
        }

        return Assemble(connection, scopes, results);
    }

    /// <summary>True when a cluster-scoped policy has an egress peer that selects nodes.</summary>
    private static bool HasNodesPeer(JsonObject policy) =>
        policy["spec"]?["egress"] is JsonArray rules
        && rules.Any(r => r?["to"] is JsonArray peers && peers.Any(p => p is JsonObject o && o.ContainsKey("nodes")));

    private static async Task<(List<JsonObject>? Items, ApiResource Resource, string? Note)> ListNodesAsync(ApiLister lister, Action<int> page, CancellationToken cancel)
    {
        try
        {
            return (await lister.ListAsync(ApiResource.Nodes, null, page, cancel).ConfigureAwait(false), ApiResource.Nodes, null);
        }
        catch (NetpolException ex) when (ex.Message.Contains("forbidden by RBAC", StringComparison.Ordinal))
        {
            return (null, ApiResource.Nodes, $"Node objects were not read, so nodes peers of cluster network policies match no address: {ex.Message}");
        }
    }

    private static async Task<(List<JsonObject>? Items, ApiResource Resource, string? Note)> ListOptionalAsync(
        ApiLister lister, IReadOnlyList<ApiResource> versions, Action<int> page, CancellationToken cancel)
    {
        foreach (var resource in versions)
        {
            try
            {
                if (await lister.ListAsync(resource, null, page, cancel).ConfigureAwait(false) is { } items)
                {
                    return (items, resource, null);
                }
            }
            catch (NetpolException ex) when (ex.Message.Contains("forbidden by RBAC", StringComparison.Ordinal))
            {
                // An optional CRD the user may not read is noted, not fatal: NetworkPolicy analysis does not need it.
                return (null, resource, $"{resource.Kind} objects were not read: {ex.Message}");
            }
        }

        return (null, versions[0], null); // the CRD is not installed
    }

    private static ClusterSnapshot Assemble(
        ClusterConnection connection,
        IReadOnlyList<string?> scopes,
        List<(List<JsonObject>? Items, ApiResource Resource, string? Note)> results)
    {
        var notes = new List<string>();
        var objects = new List<JsonObject>();
        var finished = 0;
        var namespaceNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (items, resource, note) in results)
        {
            if (note is not null)
            {
                notes.Add(note);
            }

            foreach (var item in items ?? [])
            {
                // Finished pods hold no IP and no traffic; kubectl get hides them too only with a flag, netpol always.
                if (resource.Kind == "Pod" && item["status"]?["phase"]?.GetValue<string>() is "Succeeded" or "Failed")
                {
                    finished++;
                    continue;
                }

                var trimmed = ObjectTrimmer.Trim(item, resource.Kind, resource.ApiVersion);
                if (resource.Kind == "Namespace" && trimmed["metadata"]?["name"]?.GetValue<string>() is { } name)
                {
                    namespaceNames.Add(name);
                }

                objects.Add(trimmed);
            }
        }

        if (finished > 0)
        {
            notes.Add($"skipped {finished} finished pod{(finished == 1 ? string.Empty : "s")} (phase Succeeded or Failed)");
        }

        foreach (var ns in scopes.OfType<string>().Where(ns => !namespaceNames.Contains(ns)))
        {
            notes.Add($"namespace {ns} does not exist in context \"{connection.Context}\"");
        }

        var order = new[] { "Namespace", "NetworkPolicy", "Service", "Pod", "ClusterNetworkPolicy", "AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "Node" };
        var sorted = objects
            .OrderBy(o => Array.IndexOf(order, o["kind"]!.GetValue<string>()))
            .ThenBy(o => o["metadata"]?["namespace"]?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(o => o["metadata"]?["name"]?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal)
            .ToList();
        return new ClusterSnapshot(connection.Context, connection.Server, sorted, notes);
    }
}
