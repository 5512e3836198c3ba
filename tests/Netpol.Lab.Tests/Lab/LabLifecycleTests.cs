using System.Diagnostics;
using Netpol.Cli.Tests;
using Netpol.Lab.Network;

namespace Netpol.Lab.Tests.Lab;

/// <summary>
/// up, probe and down as separate processes (as people run them), leftovers of a dead run, interruption, and the
/// safety promise: nothing of the lab touches the network namespace netpol runs in.
/// </summary>
[Collection("lab")]
public sealed class LabLifecycleTests
{
    private static (int Exit, string Out, string Error) Netpol(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "netpol.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "netpol did not finish in 2 minutes");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Links() => LabTools.Run("ip", ["-o", "link", "show"]);

    [LabFact]
    public void Up_probe_down_as_separate_processes()
    {
        var before = Links();
        try
        {
            var up = Netpol("lab", "up", "-f", "example:three-tier-app", "--port", "8080,5432");
            Assert.True(up.Exit == 0, up.Error);
            Assert.Contains("lab up: 4 hosts", up.Out, StringComparison.Ordinal);
            Assert.Equal(before, Links());

            var probe = Netpol("lab", "probe", "-f", "example:three-tier-app", "--port", "8080,5432", "-o", "json");
            Assert.True(probe.Exit == 0, probe.Error + probe.Out);
            Assert.Contains("\"agree\": true", probe.Out, StringComparison.Ordinal);

            var other = Netpol("lab", "probe", "-f", "example:three-tier-app", "--port", "9999");
            Assert.Equal(2, other.Exit);
            Assert.Contains("no lab is up for this input", other.Error, StringComparison.Ordinal);

            // Every lab namespace has only its loopback and the veth to the node; the node routes only lab addresses.
            foreach (var ns in LabNetwork.Existing().Where(n => n != LabPlan.NodeNetns))
            {
                var links = LabTools.Run("ip", ["-n", ns, "-o", "link", "show"]);
                Assert.Equal(2, links.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            }

            var routes = LabTools.Run("ip", ["-n", LabPlan.NodeNetns, "route", "show"]);
            Assert.DoesNotContain("default", routes, StringComparison.Ordinal);
        }
        finally
        {
            var down = Netpol("lab", "down");
            Assert.Equal(0, down.Exit);
            Assert.Contains("removed 5 network namespaces", down.Out, StringComparison.Ordinal);
        }

        Assert.Empty(LabNetwork.Existing());
        Assert.False(Directory.Exists(LabState.Directory));
        Assert.Equal(before, Links());
    }

    [LabFact]
    public void Up_removes_the_leftovers_of_a_run_that_died()
    {
        LabTools.Run("ip", ["netns", "add", $"{LabPlan.Prefix}-p99"]);
        var (exit, _, error) = CliRunner.Run("lab", "run", "-f", "example:allow-one-app", "--port", "80");
        Assert.True(exit == 0, error);
        Assert.Empty(LabNetwork.Existing());
    }

    [LabFact]
    public void Sigterm_during_a_run_removes_the_lab()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "netpol.dll"), "lab", "run", "-f", "example:ecommerce-microservices", "--port", "1,2,7,9", "--timeout", "20000" })
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(NetworkNamespace.Directory, LabPlan.NodeNetns)) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(20);
        }

        // Denied probes wait 20 s, so the run is surely still probing when the signal comes.
        Thread.Sleep(1500);
        Assert.False(p.HasExited);
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(p.WaitForExit(30_000));
        Assert.Equal(130, p.ExitCode);
        Assert.Contains("interrupted; the lab was removed", stderr.Result, StringComparison.Ordinal);
        Assert.Empty(LabNetwork.Existing());
    }
}
