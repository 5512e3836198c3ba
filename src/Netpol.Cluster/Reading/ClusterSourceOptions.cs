namespace Netpol.LiveCluster.Reading;

/// <summary>
/// Which cluster to read and how: the kubeconfig and context (as kubectl picks them), the namespaces, and the limits
/// that keep a read of a large cluster polite and bounded.
/// </summary>
public sealed record ClusterSourceOptions
{
    /// <summary><c>--kubeconfig</c>: this file only. Unset: <c>$KUBECONFIG</c> (a path list), then <c>~/.kube/config</c>, then the pod's service account.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary><c>--context</c>: a context of the kubeconfig instead of its current-context.</summary>
    public string? Context { get; init; }

    /// <summary>
    /// <c>-n</c>: read pods, services and policies of these namespaces only. Empty (and not <see cref="AllNamespaces"/>):
    /// the context's namespace, else <c>default</c>, as kubectl does. Namespace objects are always all read, because
    /// namespaceSelectors match their labels.
    /// </summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary><c>-A</c>: read every namespace.</summary>
    public bool AllNamespaces { get; init; }

    /// <summary>Objects per page (<c>limit</c>); the server's <c>continue</c> token fetches the next page.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>How many list requests run at once.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>How long one request may take before it counts as failed (and is retried).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per request for transient failures (timeouts, 429, 5xx, refused connections).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the second attempt; it doubles for each further one.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a list restarts from the beginning when its continue token has expired (410 Gone).</summary>
    public int MaxListRestarts { get; init; } = 3;

    /// <summary>Reads environment variables (<c>KUBECONFIG</c>, <c>HOME</c>); tests replace it.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>True when the process runs in a pod with a service account (tests replace it).</summary>
    public Func<bool> IsInCluster { get; init; } = k8s.KubernetesClientConfiguration.IsInCluster;

    /// <summary>Called as lists progress, from any thread.</summary>
    public Action<ReadProgress>? Progress { get; init; }
}
