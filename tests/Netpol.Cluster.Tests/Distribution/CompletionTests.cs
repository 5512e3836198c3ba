namespace Netpol.LiveCluster.Tests.Distribution;

/// <summary><c>netpol completion</c>: valid scripts that ask netpol for suggestions through the [suggest:N] directive.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_suggest_directive_completes_command_names()
    {
        var (exit, output, _) = CliRunner.Run("[suggest:9]", "netpol ma");

        Assert.Equal(0, exit);
        Assert.Equal(["matrix"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_suggest_directive_completes_options_of_a_command()
    {
        var (_, output, _) = CliRunner.Run("[suggest:28]", "kubectl-netpol snapshot --re");

        Assert.Equal(["--redact", "--request-timeout"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Unknown_shells_are_refused()
    {
        Assert.Equal(2, CliRunner.Run("completion", "fish").Exit);
    }

    [RequiresToolFact("bash")]
    public void The_bash_script_is_valid_and_completes_through_netpol()
    {
        var script = CliRunner.Run("completion", "bash").Out;
        File.WriteAllText(_dir.File("netpol.bash"), script);
        var shim = Path.Combine(ExternalTool.PluginDirectory(_dir), "kubectl-netpol");

        var syntax = ExternalTool.Run("bash", ["-n", _dir.File("netpol.bash")]);
        var completion = ExternalTool.Run("bash", ["-c", $$"""
            source '{{_dir.File("netpol.bash")}}'
            COMP_WORDS=('{{shim}}' ma); COMP_CWORD=1; COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _netpol_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """]);

        Assert.True(syntax.Exit == 0, syntax.Error);
        Assert.Equal("matrix\n", completion.Out);
    }

    [RequiresToolFact("zsh")]
    public void The_zsh_script_is_valid()
    {
        File.WriteAllText(_dir.File("_netpol"), CliRunner.Run("completion", "zsh").Out);

        var syntax = ExternalTool.Run("zsh", ["-n", _dir.File("_netpol")]);

        Assert.True(syntax.Exit == 0, syntax.Error);
    }
}
