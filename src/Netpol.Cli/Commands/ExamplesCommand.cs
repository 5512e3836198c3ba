using System.CommandLine;
using Netpol.Manifests.Loading;

namespace Netpol.Cli.Commands;

/// <summary><c>netpol examples [NAME]</c>: list the bundled examples, or print one.</summary>
internal static class ExamplesCommand
{
    public static Command Create(CliContext ctx)
    {
        var name = new Argument<string?>("name") { Description = "Print this example's manifests.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("examples", "List the bundled examples (load one with -f example:NAME), or print one.") { name };
        command.SetAction(parse =>
        {
            if (parse.GetValue(name) is { } n)
            {
                var text = ExampleCatalog.Read(n);
                if (text is null)
                {
                    ctx.Error.WriteLine($"no example \"{n}\"; examples: {string.Join(", ", ExampleCatalog.Names)}");
                    return ExitCodes.BadInput;
                }

                ctx.Out.Write(text);
                return ExitCodes.Ok;
            }

            var width = ExampleCatalog.Names.Max(x => x.Length);
            foreach (var example in ExampleCatalog.Names)
            {
                ctx.Out.WriteLine($"{example.PadRight(width)}  {ExampleCatalog.Describe(example)}");
            }

            ctx.Out.WriteLine();
            ctx.Out.WriteLine("try: netpol matrix -f example:NAME");
            return ExitCodes.Ok;
        });
        return command;
    }
}
