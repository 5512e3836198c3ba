using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Netpol.LiveCluster.Tests.Fake;

/// <summary>
/// An in-process stand-in for kube-apiserver: HTTPS with a test CA, bearer-token authentication, and the list
/// endpoints netpol uses (<c>/api/v1/...</c>, <c>/apis/GROUP/VERSION/...</c>, cluster-wide or per namespace) with
/// <c>limit</c>/<c>continue</c> paging and Status objects for errors, serving the list JSON in Fixtures/. Faults
/// (statuses, delays) can be queued per path; every request is logged.
/// </summary>
internal sealed class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<(string ApiVersion, string Plural), (string Kind, List<JsonObject> Items)> _lists = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new(StringComparer.Ordinal);

    private FakeApiServer(WebApplication app, TestCertificates certificates, string token)
    {
        _app = app;
        Certificates = certificates;
        Token = token;
    }

    public TestCertificates Certificates { get; }

    public string Token { get; }

    public string Url { get; private set; } = string.Empty;

    /// <summary>Path and query of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<FakeApiServer> StartAsync(string fixture = "three-tier-live", string token = "t0ken-for-netpol-reader")
    {
        var certificates = TestCertificates.Create();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificates.Server)));
        var app = builder.Build();
        var server = new FakeApiServer(app, certificates, token);
        server.LoadFixture(fixture);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>Queues faults for requests to this path (no query), used in order.</summary>
    public void Fail(string path, params Fault[] faults)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<Fault>());
        foreach (var f in faults)
        {
            queue.Enqueue(f);
        }
    }

    /// <summary>Adds <paramref name="count"/> running pods to a namespace, as a large cluster would have.</summary>
    public void AddPods(string ns, int count)
    {
        var pods = _lists[("v1", "pods")].Items;
        for (var i = 0; i < count; i++)
        {
            var ip = $"10.{100 + (i >> 16)}.{(i >> 8) & 255}.{i & 255}";
            var json = "{\"metadata\":{\"name\":\"load-" + i + "\",\"namespace\":\"" + ns + "\",\"resourceVersion\":\"" + (50000 + i)
                + "\",\"labels\":{\"app\":\"load\",\"shard\":\"s" + (i % 16) + "\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"busybox:1.36\",\"ports\":[{\"containerPort\":8080,\"protocol\":\"TCP\"}]}]},"
                + "\"status\":{\"phase\":\"Running\",\"podIP\":\"" + ip + "\"}}";
            pods.Add(JsonNode.Parse(json)!.AsObject());
        }
    }

    /// <summary>Requests to this path, in order.</summary>
    public List<string> RequestsTo(string path) =>
        Requests.Where(r => r == path || r.StartsWith(path + "?", StringComparison.Ordinal)).ToList();

    /// <summary>Writes a kubeconfig for this server: its CA (or another), a bearer token (or another), a context namespace.</summary>
    public string WriteKubeconfig(string directory, string? token = null, string? caPem = null, string? contextNamespace = "webshop", string context = "fake", string? serverUrl = null, string fileName = "kubeconfig")
    {
        var ca = Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem ?? Certificates.CaPem));
        var ns = contextNamespace is null ? string.Empty : $"\n    namespace: {contextNamespace}";
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake-cluster
              cluster:
                server: {serverUrl ?? Url}
                certificate-authority-data: {ca}
            contexts:
            - name: {context}
              context:
                cluster: fake-cluster
                user: netpol-reader{ns}
            current-context: {context}
            users:
            - name: netpol-reader
              user:
                token: {token ?? Token}

            """;
        var path = Path.Combine(directory, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificates.Dispose();
    }

    private void LoadFixture(string fixture)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture), "*.json"))
        {
            var list = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var apiVersion = list["apiVersion"]!.GetValue<string>();
            var kind = list["kind"]!.GetValue<string>()[..^"List".Length];
            var plural = Path.GetFileName(file).Split('.')[0];
            _lists[(apiVersion, plural)] = (kind, list["items"]!.AsArray().Select(i => i!.AsObject()).ToList());
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        Requests.Enqueue(path + http.Request.QueryString.Value);
        if (http.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            await StatusAsync(http, 401, "Unauthorized", "Unauthorized");
            return;
        }

        var continueToken = http.Request.Query["continue"].ToString();
        if (_faults.TryGetValue(path, out var queue) && queue.TryPeek(out var next) && (!next.OnlyWithContinue || continueToken.Length > 0) && queue.TryDequeue(out var fault))
        {
            if (fault.Delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(fault.Delay, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // the client gave up
                }
            }

            if (fault.Status != 0)
            {
                await FaultStatusAsync(http, fault.Status, path);
                return;
            }
        }

        if (!TryRoute(path, out var apiVersion, out var ns, out var plural) || !_lists.TryGetValue((apiVersion, plural), out var list))
        {
            // What kube-apiserver answers for a group or resource it does not serve.
            http.Response.StatusCode = 404;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("404 page not found\n");
            return;
        }

        var items = list.Items.Where(i => ns is null || i["metadata"]?["namespace"]?.GetValue<string>() == ns).ToList();
        var limit = int.TryParse(http.Request.Query["limit"], out var l) && l > 0 ? l : int.MaxValue;
        var offset = continueToken.Length == 0 ? 0 : DecodeContinue(continueToken);
        var page = items.Skip(offset).Take(limit).ToList();
        var metadata = new JsonObject { ["resourceVersion"] = "41999" };
        if (offset + page.Count < items.Count)
        {
            metadata["continue"] = EncodeContinue(offset + page.Count);
            metadata["remainingItemCount"] = items.Count - offset - page.Count;
        }

        var body = new JsonObject
        {
            ["kind"] = list.Kind + "List",
            ["apiVersion"] = apiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page.Select(i => (JsonNode)i.DeepClone())]),
        };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    // /api/v1/pods, /api/v1/namespaces/shop/pods, /apis/networking.k8s.io/v1/networkpolicies, /apis/G/V/namespaces/shop/R
    private static bool TryRoute(string path, out string apiVersion, out string? ns, out string plural)
    {
        var parts = path.Trim('/').Split('/');
        (apiVersion, ns, plural) = (string.Empty, null, string.Empty);
        int rest;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            apiVersion = parts[1];
            rest = 2;
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            apiVersion = parts[1] + "/" + parts[2];
            rest = 3;
        }
        else
        {
            return false;
        }

        var tail = parts[rest..];
        if (tail.Length == 1)
        {
            plural = tail[0];
            return true;
        }

        if (tail.Length == 3 && tail[0] == "namespaces")
        {
            ns = tail[1];
            plural = tail[2];
            return true;
        }

        return false;
    }

    private static string EncodeContinue(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"v\":\"meta.k8s.io/v1\",\"rv\":41999,\"start\":\"{offset}\"}}"));

    private static int DecodeContinue(string token)
    {
        using var json = JsonDocument.Parse(Convert.FromBase64String(token));
        return int.Parse(json.RootElement.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task FaultStatusAsync(HttpContext http, int status, string path)
    {
        TryRoute(path, out var apiVersion, out var ns, out var plural);
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        return status switch
        {
            403 => StatusAsync(http, 403, "Forbidden", $"{plural} is forbidden: User \"system:serviceaccount:netpol:reader\" cannot list resource \"{plural}\" in API group \"{group}\"{(ns is null ? " at the cluster scope" : $" in the namespace \"{ns}\"")}"),
            410 => StatusAsync(http, 410, "Expired", "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue value from the response to get a consistent inconsistent list."),
            429 => StatusAsync(http, 429, "TooManyRequests", "Too many requests, please try again later."),
            500 => StatusAsync(http, 500, "InternalError", "Internal error occurred: etcdserver: request timed out"),
            503 => StatusAsync(http, 503, "ServiceUnavailable", "the server is currently unable to handle the request"),
            _ => StatusAsync(http, status, "Unknown", $"status {status}"),
        };
    }

    private static Task StatusAsync(HttpContext http, int code, string reason, string message)
    {
        http.Response.StatusCode = code;
        http.Response.ContentType = "application/json";
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        };
        return http.Response.WriteAsync(status.ToJsonString());
    }
}
