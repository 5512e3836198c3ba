using k8s;
using k8s.KubeConfigModels;
using Netpol.Core;

namespace Netpol.LiveCluster.Reading;

/// <summary>
/// The cluster a run talks to, configured as kubectl would: <c>--kubeconfig</c>, else <c>$KUBECONFIG</c> (files merged
/// in order), else <c>~/.kube/config</c>, else the pod's service account; then <c>--context</c> or the current context.
/// The official client does the rest: certificates, tokens, exec plugins.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private ClusterConnection(KubernetesClientConfiguration config, string context, string origin)
    {
        Config = config;
        Context = context;
        Origin = origin;
        config.HttpClientTimeout = Timeout.InfiniteTimeSpan; // each request has its own timeout (ClusterSourceOptions.RequestTimeout)
        Client = new Kubernetes(config);
    }

    /// <summary>The client configuration (server, credentials, CA).</summary>
    public KubernetesClientConfiguration Config { get; }

    /// <summary>The official client; netpol uses its HTTP pipeline (TLS, credentials) for list requests.</summary>
    public Kubernetes Client { get; }

    /// <summary>The context's name, or <c>in-cluster</c>.</summary>
    public string Context { get; }

    /// <summary>Where the configuration came from, for messages: a kubeconfig path or <c>the pod's service account</c>.</summary>
    public string Origin { get; }

    /// <summary>The API server's URL.</summary>
    public string Server => Config.Host;

    /// <summary>The namespace of the context (kubectl's default scope), else <c>default</c>.</summary>
    public string DefaultNamespace => string.IsNullOrEmpty(Config.Namespace) ? "default" : Config.Namespace;

    /// <summary>Finds and reads the configuration; a <see cref="NetpolException"/> says what to give when there is none.</summary>
    public static ClusterConnection Open(ClusterSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = KubeconfigFiles(options);
        if (files is null)
        {
            if (!options.IsInCluster())
            {
                throw new NetpolException(
                    "no manifests and no cluster: give manifests with -f PATH (or -f example:NAME), or a cluster with --kubeconfig FILE "
                    + "($KUBECONFIG and ~/.kube/config are used when they exist; in a pod, its service account)");
            }

            try
            {
                var inCluster = KubernetesClientConfiguration.InClusterConfig();
                return new ClusterConnection(inCluster, "in-cluster", "the pod's service account");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new NetpolException($"cannot use the pod's service account: {ex.Message}", ex);
            }
        }

        var origin = string.Join(Path.PathSeparator, files.Select(f => f.FullName));
        K8SConfiguration kubeconfig;
        try
        {
            kubeconfig = Merge(files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(f)).ToList());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new NetpolException($"cannot read the kubeconfig {origin}: {ex.Message}", ex);
        }

        var context = options.Context ?? kubeconfig.CurrentContext;
        if (string.IsNullOrEmpty(context))
        {
            throw new NetpolException($"the kubeconfig {origin} has no current-context: choose one with --context NAME ({Known(kubeconfig)})");
        }

        if (kubeconfig.Contexts?.Any(c => c.Name == context) != true)
        {
            throw new NetpolException($"no context \"{context}\" in the kubeconfig {origin} ({Known(kubeconfig)})");
        }

        try
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig, context);
            return new ClusterConnection(config, context, origin);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new NetpolException($"cannot use context \"{context}\" of the kubeconfig {origin}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();

    // kubectl's rule for a KUBECONFIG list: the first file that sets a value wins, and entries merge by name.
    // Relative certificate paths resolve against the first file's directory.
    private static K8SConfiguration Merge(List<K8SConfiguration> configs)
    {
        var merged = configs[0];
        merged.Contexts ??= [];
        merged.Clusters ??= [];
        merged.Users ??= [];
        foreach (var next in configs.Skip(1))
        {
            if (string.IsNullOrEmpty(merged.CurrentContext))
            {
                merged.CurrentContext = next.CurrentContext;
            }

            merged.Contexts.AddRange((next.Contexts ?? []).Where(c => merged.Contexts.All(m => m.Name != c.Name)));
            merged.Clusters.AddRange((next.Clusters ?? []).Where(c => merged.Clusters.All(m => m.Name != c.Name)));
            merged.Users.AddRange((next.Users ?? []).Where(c => merged.Users.All(m => m.Name != c.Name)));
        }

        return merged;
    }

    private static string Known(K8SConfiguration kubeconfig)
    {
        var names = kubeconfig.Contexts?.Select(c => c.Name).Order(StringComparer.Ordinal).ToList() ?? [];
        return names.Count == 0 ? "it defines no contexts" : "contexts: " + string.Join(", ", names);
    }

    private static FileInfo[]? KubeconfigFiles(ClusterSourceOptions options)
    {
        if (options.Kubeconfig is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath)
                ? [new FileInfo(explicitPath)]
                : throw new NetpolException($"--kubeconfig {explicitPath}: no such file");
        }

        if (options.Environment("KUBECONFIG") is { Length: > 0 } list)
        {
            var paths = list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            var existing = paths.Where(File.Exists).Select(p => new FileInfo(p)).ToArray();
            return existing.Length > 0
                ? existing
                : throw new NetpolException($"KUBECONFIG={list}: no such file");
        }

        var home = options.Environment("HOME") ?? options.Environment("USERPROFILE");
        if (home is { Length: > 0 } && Path.Combine(home, ".kube", "config") is var path && File.Exists(path))
        {
            return [new FileInfo(path)];
        }

        return null;
    }
}
