namespace Netpol.Cli.Tests.Scenarios;

/// <summary>
/// <c>--cni all</c> on the example whose ipBlock admits a pod by its IP (office-ip-range), pinned byte for byte at
/// tests/Scenarios/examples/office-ip-range/expected/{matrix-cni-all.*,check-cni-all.txt}.
/// </summary>
public sealed class CniGoldenTests
{
    [Theory]
    [InlineData("table", "txt")]
    [InlineData("json", "json")]
    [InlineData("md", "md")]
    [InlineData("csv", "csv")]
    public void Matrix_cni_all_matches_the_golden_file(string format, string extension)
    {
        var (exit, output, error) = CliRunner.Run("matrix", "-f", "example:office-ip-range", "--port", "8443", "--cni", "all", "-o", format);

        Assert.True(exit == 0, error);
        Golden.Assert($"examples/office-ip-range/expected/matrix-cni-all.{extension}", output);
    }

    [Fact]
    public void Check_cni_all_matches_the_golden_file()
    {
        var (exit, output, error) = CliRunner.Run("check", "-f", "example:office-ip-range", "--from", "ops/bastion", "--to", "corp/admin-console", "--port", "8443", "--cni", "all");

        Assert.True(exit == 1, error);
        Golden.Assert("examples/office-ip-range/expected/check-cni-all.txt", output);
    }
}
