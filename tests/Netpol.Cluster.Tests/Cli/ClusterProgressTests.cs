using Netpol.Cli;
using Netpol.LiveCluster.Reading;

namespace Netpol.LiveCluster.Tests.Cli;

/// <summary>Progress on standard error: a bar redrawn in place on a terminal, plain lines otherwise.</summary>
public sealed class ClusterProgressTests
{
    [Fact]
    public void On_a_terminal_the_bar_is_redrawn_in_place_and_cleared_at_the_end()
    {
        var error = new StringWriter();
        var progress = new ClusterProgress(error, terminal: true);

        progress.Report(new ReadProgress(0, 4, 500, null));
        progress.Report(new ReadProgress(4, 4, 1200, "700 pods"));
        progress.Done("prod", 1200);

        var text = error.ToString();
        Assert.StartsWith("\rreading cluster [........................] 0/4 lists, 500 objects ", text, StringComparison.Ordinal);
        Assert.Contains("\rreading cluster [########################] 4/4 lists, 1200 objects ", text, StringComparison.Ordinal);
        Assert.EndsWith("\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void Piped_it_prints_one_line_per_finished_list_and_a_total()
    {
        var error = new StringWriter { NewLine = "\n" };
        var progress = new ClusterProgress(error, terminal: false);

        progress.Report(new ReadProgress(0, 2, 500, null));
        progress.Report(new ReadProgress(1, 2, 700, "700 pods"));
        progress.Report(new ReadProgress(2, 2, 703, "3 networkpolicies"));
        progress.Done("prod", 703);

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("netpol: read 700 pods (1/2 lists)", lines[0]);
        Assert.Equal("netpol: read 3 networkpolicies (2/2 lists)", lines[1]);
        Assert.StartsWith("netpol: read 703 objects from context \"prod\" in ", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }
}
