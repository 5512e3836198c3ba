using System.CommandLine;
using System.Reflection;
using Netpol.Cli.Commands;
using Netpol.Core;

namespace Netpol.Cli;

/// <summary>Builds the command tree and runs it: the only place that turns errors into exit codes.</summary>
internal static class CliApp
{
    /// <summary>netpol's version, as <c>netpol version</c> prints it.</summary>
    public static string Version =>
        (typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown").Split('+')[0];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream>? stdin = null, bool color = false) =>
        Run(args, new CliContext(stdout, stderr, stdin, color));

    public static int Run(string[] args, CliContext ctx)
    {
        var (stdout, stderr) = (ctx.Out, ctx.Error);
        var debug = new Option<bool>("--debug") { Description = "Show stack traces of unexpected errors.", Recursive = true };
        var root = new RootCommand("netpol: understand, test and prove Kubernetes NetworkPolicy before it reaches a cluster.")
        {
            debug,
            ValidateCommand.Create(ctx),
            CheckCommand.Create(ctx),
            TestCommand.Create(ctx),
            MatrixCommand.Create(ctx),
            GraphCommand.Create(ctx),
            ReportCommand.Create(ctx),
            LintCommand.Create(ctx),
            CoverageCommand.Create(ctx),
            DescribeCommand.Create(ctx),
            DiffCommand.Create(ctx),
            AuditCommand.Create(ctx),
            GenerateCommand.Create(ctx),
            CompileCommand.Create(ctx),
            LabCommand.Create(ctx),
            SnapshotCommand.Create(ctx),
            ExamplesCommand.Create(ctx),
            CompletionCommand.Create(ctx),
            VersionCommand(ctx),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine($"netpol: {e.Message}");
            }

            stderr.WriteLine("see 'netpol --help'");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (NetpolException ex)
        {
            stderr.WriteLine($"netpol: {ex.Message}");
            if (parse.GetValue(debug))
            {
                stderr.WriteLine(ex.ToString());
            }

            return ExitCodes.BadInput;
        }
    }

    private static Command VersionCommand(CliContext ctx)
    {
        var command = new Command("version", "Print netpol's version.");
        command.SetAction(_ =>
        {
            ctx.Out.WriteLine($"netpol {Version}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
