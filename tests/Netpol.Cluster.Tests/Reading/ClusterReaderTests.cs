using System.Diagnostics;
using Netpol.Core;
using Netpol.LiveCluster.Reading;
using Netpol.LiveCluster.Tests.Fake;

namespace Netpol.LiveCluster.Tests.Reading;

/// <summary>The reader against the fake API server: paging, scopes, CRDs, and every failure it must survive or explain.</summary>
public sealed class ClusterReaderTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_every_page_with_the_limit_and_continue_tokens()
    {
        var snapshot = await ClusterReader.ReadAsync(Options(all: true) with { PageSize = 2 });

        var pods = _server.RequestsTo("/api/v1/pods");
        Assert.True(pods.Count >= 5, string.Join("\n", pods));
        Assert.All(pods, r => Assert.Contains("limit=2", r, StringComparison.Ordinal));
        Assert.DoesNotContain("continue=", pods[0], StringComparison.Ordinal);
        Assert.All(pods.Skip(1), r => Assert.Contains("continue=", r, StringComparison.Ordinal));
        Assert.Equal(10, Kinds(snapshot, "Pod").Count); // 11 listed, the Succeeded job pod skipped
        Assert.Equal(5, Kinds(snapshot, "Namespace").Count);
        Assert.Equal(5, Kinds(snapshot, "Service").Count);
        Assert.Equal(3, Kinds(snapshot, "NetworkPolicy").Count);
        Assert.Contains(snapshot.Notes, n => n.Contains("skipped 1 finished pod", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_namespaces_reads_the_context_namespace_like_kubectl()
    {
        var snapshot = await ClusterReader.ReadAsync(Options());

        Assert.NotEmpty(_server.RequestsTo("/api/v1/namespaces/webshop/pods"));
        Assert.Empty(_server.RequestsTo("/api/v1/pods"));
        Assert.NotEmpty(_server.RequestsTo("/api/v1/namespaces")); // namespaces are always read whole
        Assert.All(Kinds(snapshot, "Pod"), p => Assert.Equal("webshop", p));
        Assert.Equal(5, Kinds(snapshot, "Namespace").Count);
    }

    [Fact]
    public async Task Namespaces_given_are_read_each_with_its_own_lists()
    {
        var snapshot = await ClusterReader.ReadAsync(Options() with { Namespaces = ["kube-system", "nowhere"] });

        Assert.NotEmpty(_server.RequestsTo("/apis/networking.k8s.io/v1/namespaces/kube-system/networkpolicies"));
        Assert.NotEmpty(_server.RequestsTo("/api/v1/namespaces/nowhere/services"));
        Assert.Empty(_server.RequestsTo("/api/v1/namespaces/webshop/pods"));
        Assert.Equal(3, Kinds(snapshot, "Pod").Count);
        Assert.Contains("namespace nowhere does not exist in context \"fake\"", snapshot.Notes);
    }

    [Fact]
    public async Task Objects_are_trimmed_to_what_netpol_reads_and_carry_kind_and_apiVersion()
    {
        var snapshot = await ClusterReader.ReadAsync(Options(all: true));

        var pod = snapshot.Objects.Single(o => o["metadata"]?["name"]?.GetValue<string>() == "database-0");
        var json = pod.ToJsonString();
        Assert.Equal("v1", pod["apiVersion"]!.GetValue<string>());
        Assert.Equal("Pod", pod["kind"]!.GetValue<string>());
        Assert.Equal("10.244.2.30", pod["status"]!["podIP"]!.GetValue<string>());
        Assert.Equal("StatefulSet", pod["metadata"]!["ownerReferences"]![0]!["kind"]!.GetValue<string>());
        Assert.DoesNotContain("managedFields", json, StringComparison.Ordinal);
        Assert.DoesNotContain("DB_PASSWORD", json, StringComparison.Ordinal);
        Assert.DoesNotContain("last-applied-configuration", snapshot.Objects.Single(o => o["kind"]!.GetValue<string>() == "NetworkPolicy" && o["metadata"]!["name"]!.GetValue<string>() == "database-ingress").ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_policy_crds_are_read_newest_version_first_and_missing_ones_skipped()
    {
        var snapshot = await ClusterReader.ReadAsync(Options(all: true));

        Assert.NotEmpty(_server.RequestsTo("/apis/policy.networking.k8s.io/v1beta1/clusternetworkpolicies"));
        Assert.NotEmpty(_server.RequestsTo("/apis/policy.networking.k8s.io/v1alpha2/clusternetworkpolicies"));
        Assert.NotEmpty(_server.RequestsTo("/apis/policy.networking.k8s.io/v1alpha1/adminnetworkpolicies"));
        var cnp = Assert.Single(snapshot.Objects, o => o["kind"]!.GetValue<string>() == "ClusterNetworkPolicy");
        Assert.Equal("policy.networking.k8s.io/v1alpha2", cnp["apiVersion"]!.GetValue<string>());
        Assert.DoesNotContain(snapshot.Objects, o => o["kind"]!.GetValue<string>() is "AdminNetworkPolicy" or "BaselineAdminNetworkPolicy");
        Assert.DoesNotContain(snapshot.Notes, n => n.Contains("AdminNetworkPolicy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_policy_crd_the_user_may_not_list_is_a_note_not_a_failure()
    {
        _server.Fail("/apis/policy.networking.k8s.io/v1beta1/clusternetworkpolicies", new Fault(403));

        var snapshot = await ClusterReader.ReadAsync(Options(all: true));

        Assert.Contains(snapshot.Notes, n => n.StartsWith("ClusterNetworkPolicy objects were not read: cannot list clusternetworkpolicies: forbidden by RBAC", StringComparison.Ordinal));
        Assert.Equal(10, Kinds(snapshot, "Pod").Count);
    }

    [Fact]
    public async Task Wrong_token_is_a_401_that_says_to_log_in_again()
    {
        var options = Options() with { Kubeconfig = _server.WriteKubeconfig(_dir.Path, token: "expired") };

        var ex = await Assert.ThrowsAsync<NetpolException>(() => ClusterReader.ReadAsync(options));

        Assert.StartsWith($"the API server at {_server.Url} rejected the credentials of context \"fake\" (401 Unauthorized: Unauthorized)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("log in again or renew the token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_list_names_the_verb_the_resource_and_the_namespace()
    {
        _server.Fail("/api/v1/namespaces/webshop/pods", new Fault(403));

        var ex = await Assert.ThrowsAsync<NetpolException>(() => ClusterReader.ReadAsync(Options()));

        Assert.Equal(
            "cannot list pods in namespace webshop: forbidden by RBAC: pods is forbidden: User \"system:serviceaccount:netpol:reader\" cannot list resource \"pods\" in API group \"\" in the namespace \"webshop\". "
            + "netpol needs list on pods; docs/rbac.yaml has a read-only ClusterRole that grants it",
            ex.Message);
    }

    [Fact]
    public async Task Forbidden_networkpolicies_name_their_api_group()
    {
        _server.Fail("/apis/networking.k8s.io/v1/networkpolicies", new Fault(403));

        var ex = await Assert.ThrowsAsync<NetpolException>(() => ClusterReader.ReadAsync(Options(all: true)));

        Assert.StartsWith("cannot list networkpolicies in all namespaces: forbidden by RBAC", ex.Message, StringComparison.Ordinal);
        Assert.Contains("netpol needs list on networkpolicies.networking.k8s.io", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_continue_token_restarts_the_list_without_duplicates()
    {
        _server.Fail("/api/v1/pods", new Fault(410, OnlyWithContinue: true));

        var snapshot = await ClusterReader.ReadAsync(Options(all: true) with { PageSize = 3 });

        var pods = _server.RequestsTo("/api/v1/pods");
        Assert.Equal(2, pods.Count(r => !r.Contains("continue=", StringComparison.Ordinal))); // started twice
        Assert.Equal(10, Kinds(snapshot, "Pod").Count);
        Assert.Equal(10, snapshot.Objects.Where(o => o["kind"]!.GetValue<string>() == "Pod").Select(o => o["metadata"]!["name"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task A_list_that_keeps_expiring_gives_up_after_the_restart_limit()
    {
        _server.Fail("/api/v1/pods", [.. Enumerable.Repeat(new Fault(410, OnlyWithContinue: true), 10)]);

        var ex = await Assert.ThrowsAsync<NetpolException>(() => ClusterReader.ReadAsync(Options(all: true) with { PageSize = 3, MaxListRestarts = 2 }));

        Assert.StartsWith("cannot list pods in all namespaces: the list kept expiring (410 Gone)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.RequestsTo("/api/v1/pods").Count(r => !r.Contains("continue=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Transient_errors_are_retried_with_backoff()
    {
        _server.Fail("/api/v1/namespaces/webshop/services", new Fault(500), new Fault(503), new Fault(429));
        var clock = Stopwatch.StartNew();

        var snapshot = await ClusterReader.ReadAsync(Options() with { InitialBackoff = TimeSpan.FromMilliseconds(40) });

        Assert.Equal(4, _server.RequestsTo("/api/v1/namespaces/webshop/services").Count);
        Assert.Equal(3, Kinds(snapshot, "Service").Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(40 + 80 + 160), $"waited only {clock.Elapsed}");
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_after_the_attempt_limit()
    {
        _server.Fail("/api/v1/namespaces/webshop/services", [.. Enumerable.Repeat(new Fault(500), 10)]);

        var ex = await Assert.ThrowsAsync<NetpolException>(() => ClusterReader.ReadAsync(Options() with { MaxAttempts = 3 }));

        Assert.Equal(
            $"cannot list services in namespace webshop from the API server at {_server.Url} (context \"fake\"): 500 Internal Server Error: Internal error occurred: etcdserver: request timed out; gave up after 3 attempts",
            ex.Message);
        Assert.Equal(3, _server.RequestsTo("/api/v1/namespaces/webshop/services").Count);
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried()
    {
        _server.Fail("/api/v1/namespaces", new Fault(Delay: TimeSpan.FromSeconds(5)));

        var snapshot = await ClusterReader.ReadAsync(Options() with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(2, _server.RequestsTo("/api/v1/namespaces").Count);
        Assert.Equal(5, Kinds(snapshot, "Namespace").Count);
    }

    [Fact]
    public async Task A_server_that_never_answers_in_time_is_reported_with_the_timeout()
    {
        _server.Fail("/api/v1/namespaces", [.. Enumerable.Repeat(new Fault(Delay: TimeSpan.FromSeconds(5)), 5)]);

        var ex = await Assert.ThrowsAsync<NetpolException>(() => ClusterReader.ReadAsync(Options() with { RequestTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 2 }));

        Assert.EndsWith("no answer within 0.2s; gave up after 2 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_signed_by_another_ca_is_not_trusted()
    {
        using var other = TestCertificates.Create("someone-else");
        var options = Options() with { Kubeconfig = _server.WriteKubeconfig(_dir.Path, caPem: other.CaPem) };

        var ex = await Assert.ThrowsAsync<NetpolException>(() => ClusterReader.ReadAsync(options));

        Assert.StartsWith($"cannot trust the API server at {_server.Url}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("certificate-authority", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_reported_after_bounded_retries()
    {
        // A port that was free a moment ago: nothing listens there.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var url = $"https://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var kubeconfig = _server.WriteKubeconfig(_dir.Path, serverUrl: url, fileName: "unreachable");

        var ex = await Assert.ThrowsAsync<NetpolException>(() => ClusterReader.ReadAsync(Options() with { Kubeconfig = kubeconfig, MaxAttempts = 2 }));

        // Whichever list fails first is reported; the others are cancelled.
        Assert.Matches($"^cannot list [a-z ]+ from the API server at {url} \\(context \"fake\"\\): ", ex.Message);
        Assert.Contains("Connection refused", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("gave up after 2 attempts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_kubeconfig_or_service_account_the_message_says_how_to_give_one()
    {
        var options = new ClusterSourceOptions { Environment = _ => null, IsInCluster = () => false };

        var ex = Assert.Throws<NetpolException>(() => ClusterConnection.Open(options));

        Assert.StartsWith("no manifests and no cluster: give manifests with -f PATH", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--kubeconfig FILE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KUBECONFIG_then_home_are_used_as_kubectl_does()
    {
        var kubeconfig = _server.WriteKubeconfig(_dir.Path);
        var home = Path.Combine(_dir.Path, "home");
        Directory.CreateDirectory(Path.Combine(home, ".kube"));
        File.Copy(kubeconfig, Path.Combine(home, ".kube", "config"));

        using var fromList = ClusterConnection.Open(new ClusterSourceOptions { Environment = n => n == "KUBECONFIG" ? "/no/such/file:" + kubeconfig : null, IsInCluster = () => false });
        using var fromHome = ClusterConnection.Open(new ClusterSourceOptions { Environment = n => n == "HOME" ? home : null, IsInCluster = () => false });
        var snapshot = await ClusterReader.ReadAsync(fromHome, new ClusterSourceOptions());

        Assert.Equal(_server.Url, fromList.Server.TrimEnd('/'));
        Assert.Equal("webshop", fromHome.DefaultNamespace);
        Assert.Equal(3, Kinds(snapshot, "NetworkPolicy").Count);
    }

    [Fact]
    public void An_unknown_context_lists_the_known_ones()
    {
        var options = Options() with { Context = "prod" };

        var ex = Assert.Throws<NetpolException>(() => ClusterConnection.Open(options));

        Assert.Equal($"no context \"prod\" in the kubeconfig {options.Kubeconfig} (contexts: fake)", ex.Message);
    }

    [Fact]
    public async Task Progress_reports_every_list()
    {
        var reports = new List<ReadProgress>();

        await ClusterReader.ReadAsync(Options() with { Progress = reports.Add });

        var finished = reports.Where(r => r.Finished is not null).ToList();
        Assert.Equal(8, finished.Count); // namespaces, pods, services, networkpolicies, three policy CRDs and AWS's
        Assert.Equal(8, reports[^1].ListsDone);
        Assert.Equal(8, reports[^1].ListsTotal);
    }

    [Fact]
    public async Task A_large_namespace_is_read_in_pages_of_the_default_size()
    {
        _server.AddPods("load", 5000);

        var snapshot = await ClusterReader.ReadAsync(Options(all: true));

        Assert.Equal(5010, Kinds(snapshot, "Pod").Count);
        Assert.Equal(11, _server.RequestsTo("/api/v1/pods").Count); // 5011 pods, 500 a page
        Assert.All(_server.RequestsTo("/api/v1/pods"), r => Assert.Contains("limit=500", r, StringComparison.Ordinal));
    }

    private ClusterSourceOptions Options(bool all = false) => new()
    {
        Kubeconfig = _server.WriteKubeconfig(_dir.Path),
        AllNamespaces = all,
        Environment = _ => null,
        IsInCluster = () => false,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    private static List<string> Kinds(Snapshots.ClusterSnapshot snapshot, string kind) =>
        snapshot.Objects.Where(o => o["kind"]!.GetValue<string>() == kind)
            .Select(o => o["metadata"]?["namespace"]?.GetValue<string>() ?? string.Empty)
            .ToList();
}
