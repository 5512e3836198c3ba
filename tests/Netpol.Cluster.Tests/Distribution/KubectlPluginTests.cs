namespace Netpol.LiveCluster.Tests.Distribution;

/// <summary>
/// kubectl finds netpol as a plugin: an executable named <c>kubectl-netpol</c> on PATH (what <c>dotnet tool install</c>
/// of the package puts there) answers <c>kubectl netpol ...</c>. Runs where kubectl is installed.
/// </summary>
public sealed class KubectlPluginTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresToolFact("kubectl")]
    public void Kubectl_plugin_list_finds_kubectl_netpol_on_the_path()
    {
        var plugins = ExternalTool.PluginDirectory(_dir);

        var (exit, output, error) = ExternalTool.Run("kubectl", ["plugin", "list"], pathPrefix: plugins);

        Assert.True(exit == 0, error);
        Assert.Contains(Path.Combine(plugins, "kubectl-netpol"), output, StringComparison.Ordinal);
    }

    [RequiresToolFact("kubectl")]
    public void Kubectl_netpol_help_and_version_run_netpol()
    {
        var plugins = ExternalTool.PluginDirectory(_dir);

        var help = ExternalTool.Run("kubectl", ["netpol", "--help"], pathPrefix: plugins);
        var version = ExternalTool.Run("kubectl", ["netpol", "version"], pathPrefix: plugins);
        var check = ExternalTool.Run("kubectl", ["netpol", "check", "-f", "example:three-tier-app", "--from", "webshop/deploy/backend", "--to", "webshop/sts/database", "--port", "5432"], pathPrefix: plugins);

        Assert.True(help.Exit == 0, help.Error);
        Assert.Contains("snapshot", help.Out, StringComparison.Ordinal);
        Assert.Equal($"netpol {Netpol.Cli.CliApp.Version}\n", version.Out);
        Assert.Equal(0, check.Exit);
        Assert.StartsWith("ALLOWED:", check.Out, StringComparison.Ordinal);
    }
}
