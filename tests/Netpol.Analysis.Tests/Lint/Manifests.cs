using System.Text;

namespace Netpol.Analysis.Tests.Lint;

/// <summary>
/// Small Kubernetes documents for lint tests, written as YAML so that they go through the real loader (and lint sees
/// locations, workloads and annotations as it would from files). Labels, ports and annotations are YAML flow text:
/// <c>"{app: web}"</c>, <c>"[{name: http, containerPort: 8080}]"</c>.
/// </summary>
internal static class Manifests
{
    /// <summary>The description every policy gets unless a test says otherwise.</summary>
    public const string Described = "{description: written for a lint test}";

    /// <summary>Documents joined into one stream.</summary>
    public static string Join(params string[] documents) => string.Join("---\n", documents.Where(d => d.Length > 0));

    public static string Namespace(string name, string labels = "{}", string annotations = "{}") =>
        $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n  labels: {labels}\n  annotations: {annotations}\n";

    /// <summary>A bare pod named <c>namespace/name</c>, with <c>status.podIP</c> when <paramref name="ip"/> is given.</summary>
    public static string Pod(
        string fullName, string labels = "{}", string ports = "[]", string? ip = null, string annotations = "{}",
        string image = "example.com/app:1.0", bool hostNetwork = false, string metadata = "")
    {
        var (ns, name) = Split(fullName);
        var sb = new StringBuilder();
        sb.Append($"apiVersion: v1\nkind: Pod\nmetadata:\n  name: {name}\n  namespace: {ns}\n  labels: {labels}\n  annotations: {annotations}\n");
        sb.Append(metadata);
        sb.Append($"spec:\n  hostNetwork: {(hostNetwork ? "true" : "false")}\n  containers:\n    - name: main\n      image: {image}\n      ports: {ports}\n");
        if (ip is not null)
        {
            sb.Append($"status:\n  podIP: {ip}\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// A workload (<c>Deployment</c>, <c>DaemonSet</c>, <c>StatefulSet</c>, <c>CronJob</c>...) whose pod template has
    /// the labels, ports and images (one container per image). Empty labels write a template without labels.
    /// </summary>
    public static string Workload(
        string kind, string fullName, string labels = "{}", string ports = "[]", string[]? images = null,
        bool hostNetwork = false, string annotations = "{}")
    {
        var (ns, name) = Split(fullName);
        var apiVersion = kind is "CronJob" or "Job" ? "batch/v1" : "apps/v1";
        images ??= ["example.com/app:1.0"];
        var pad = kind == "CronJob" ? "      " : string.Empty;
        var sb = new StringBuilder();
        sb.Append($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n");
        if (kind == "CronJob")
        {
            sb.Append("  schedule: \"0 * * * *\"\n  jobTemplate:\n    spec:\n");
        }
        else if (kind != "Job")
        {
            sb.Append($"  selector:\n    matchLabels: {labels}\n");
        }

        sb.Append($"{pad}  template:\n{pad}    metadata:\n{pad}      labels: {labels}\n{pad}      annotations: {annotations}\n");
        sb.Append($"{pad}    spec:\n{pad}      hostNetwork: {(hostNetwork ? "true" : "false")}\n{pad}      containers:\n");
        for (var i = 0; i < images.Length; i++)
        {
            sb.Append($"{pad}        - name: c{i}\n{pad}          image: {images[i]}\n");
            if (i == 0)
            {
                sb.Append($"{pad}          ports: {ports}\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>A NetworkPolicy named <c>namespace/name</c> with the spec (YAML, unindented).</summary>
    public static string Policy(string fullName, string spec, string annotations = Described)
    {
        var (ns, name) = Split(fullName);
        var sb = new StringBuilder();
        sb.Append($"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: {name}\n  namespace: {ns}\n  annotations: {annotations}\nspec:\n");
        foreach (var line in spec.Split('\n'))
        {
            sb.Append("  ").Append(line).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A Service named <c>namespace/name</c> selecting pods by <paramref name="selector"/>.</summary>
    public static string Service(string fullName, string selector, string ports)
    {
        var (ns, name) = Split(fullName);
        return $"apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\n  namespace: {ns}\nspec:\n  selector: {selector}\n  ports: {ports}\n";
    }

    private static (string Namespace, string Name) Split(string fullName)
    {
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        return (fullName[..slash], fullName[(slash + 1)..]);
    }
}
