using Netpol.LiveCluster.Tests.Fake;

namespace Netpol.LiveCluster.Tests.Distribution;

/// <summary>
/// A published binary (single-file or Native AOT) reads the fake cluster exactly as the in-process CLI does. Runs when
/// NETPOL_TEST_BINARY names the binary: <c>NETPOL_TEST_BINARY=artifacts/aot/linux-x64/netpol dotnet test ...</c>.
/// </summary>
public sealed class PublishedBinaryTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private FakeApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [PublishedBinaryFact]
    public void The_published_binary_reads_the_cluster_like_the_library()
    {
        var binary = Path.GetFullPath(Environment.GetEnvironmentVariable("NETPOL_TEST_BINARY")!, CliRunnerRoot());
        var kubeconfig = _server.WriteKubeconfig(_dir.Path);
        string[] args = ["matrix", "--kubeconfig", kubeconfig, "-A", "--by", "workload", "-o", "json"];

        var published = ExternalTool.Run(binary, args);
        var inProcess = CliRunner.Run(args);
        var snapshot = ExternalTool.Run(binary, ["snapshot", "--kubeconfig", kubeconfig, "-A", "--redact"]);

        Assert.True(published.Exit == 0, published.Error);
        Assert.Equal(inProcess.Out, published.Out);
        Assert.True(snapshot.Exit == 0, snapshot.Error);
        Assert.Contains("name: ns-5", snapshot.Out, StringComparison.Ordinal);
    }

    private static string CliRunnerRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "netpol.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Environment.CurrentDirectory;
    }
}

/// <summary>Runs only when NETPOL_TEST_BINARY is set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PublishedBinaryFactAttribute : FactAttribute
{
    public PublishedBinaryFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NETPOL_TEST_BINARY")))
        {
            Skip = "set NETPOL_TEST_BINARY to a published netpol binary (build/publish.sh) to test it";
        }
    }
}
