using Netpol.Cli;
using Netpol.Core;

namespace Netpol.LiveCluster.Tests.Cli;

/// <summary>The cluster options' parsing: kubectl's durations and the -A/-n exclusion.</summary>
public sealed class ClusterOptionsTests
{
    public static TheoryData<string, double> Durations => new()
    {
        { "500ms", 0.5 },
        { "30s", 30 },
        { "1.5s", 1.5 },
        { "2m", 120 },
        { "1h", 3600 },
        { "45", 45 },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Request_timeout_reads_kubectl_durations(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), ClusterOptions.ParseDuration(text));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1s")]
    [InlineData("soon")]
    [InlineData("")]
    public void Request_timeout_refuses_what_is_not_a_positive_duration(string text)
    {
        var ex = Assert.Throws<NetpolException>(() => ClusterOptions.ParseDuration(text));

        Assert.StartsWith($"--request-timeout {text}: a positive duration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_namespaces_and_namespaces_exclude_each_other()
    {
        var (exit, _, error) = CliRunner.Run("matrix", "-A", "-n", "shop", "--kubeconfig", "/no/such/kubeconfig");

        Assert.Equal(2, exit);
        Assert.Equal("netpol: -A reads every namespace; -n reads some: give one or the other\n", error);
    }

    [Fact]
    public void A_missing_kubeconfig_file_is_named()
    {
        var (exit, _, error) = CliRunner.Run("coverage", "--kubeconfig", "/no/such/kubeconfig");

        Assert.Equal(2, exit);
        Assert.Equal("netpol: --kubeconfig /no/such/kubeconfig: no such file\n", error);
    }
}
