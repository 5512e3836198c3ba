using System.CommandLine;
using System.Text;
using Netpol.Core;
using Netpol.LiveCluster.Snapshots;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol snapshot</c>: saves what netpol reads from a live cluster as manifests that <c>-f</c> loads back, for
/// offline analysis and bug reports; <c>--redact</c> hides names and IPs.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create(CliContext ctx)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Write the manifests to this file (default: standard output).", HelpName = "FILE" };
        var redact = new Option<bool>("--redact") { Description = "Replace names, namespaces, IPs, images and annotations (labels are kept: selectors need them)." };
        var command = new Command("snapshot", "Save what netpol reads from the live cluster as manifests that -f loads back.")
        {
            output, redact,
        };
        var cluster = ClusterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var snapshot = CommonOptions.ReadCluster(ctx, cluster.Source(parse, ctx));
            foreach (var note in snapshot.Notes)
            {
                ctx.Error.WriteLine($"note: {note}");
            }

            var redacted = parse.GetValue(redact);
            if (redacted)
            {
                snapshot = SnapshotRedactor.Redact(snapshot);
            }

            var path = parse.GetValue(output);
            if (path is null or "-")
            {
                SnapshotWriter.Write(snapshot, ctx.Out, redacted);
                return ExitCodes.Ok;
            }

            try
            {
                using var file = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
                SnapshotWriter.Write(snapshot, file, redacted);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new NetpolException($"cannot write {path}: {ex.Message}", ex);
            }

            ctx.Error.WriteLine($"netpol: wrote {snapshot.Objects.Count} objects to {path}{(redacted ? " (redacted)" : string.Empty)}; load them with -f {path}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
