using System.CommandLine;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol completion bash|zsh</c>: prints a completion script. The script asks netpol itself for suggestions
/// through System.CommandLine's <c>[suggest:POSITION]</c> directive, so completions always match the installed version.
/// </summary>
internal static class CompletionCommand
{
    public const string Bash = """
        # netpol completion for bash. Load it with: source <(netpol completion bash)
        _netpol_complete() {
            local IFS=$'\n'
            local line="${COMP_LINE:0:COMP_POINT}"
            local suggestions
            suggestions=$("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null) || return 0
            COMPREPLY=($(compgen -W "$suggestions" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _netpol_complete netpol kubectl-netpol

        """;

    public const string Zsh = """
        #compdef netpol kubectl-netpol
        # netpol completion for zsh. Load it with: source <(netpol completion zsh)
        _netpol() {
            local line="${(j: :)words[1,CURRENT]}"
            local -a suggestions
            suggestions=("${(@f)$("${words[1]}" "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -a suggestions
        }
        if (( $+functions[compdef] )); then
            compdef _netpol netpol kubectl-netpol
        fi

        """;

    public static Command Create(CliContext ctx)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print a shell completion script: source <(netpol completion bash).") { shell };
        command.SetAction(parse =>
        {
            ctx.Out.Write(parse.GetValue(shell) == "zsh" ? Zsh : Bash);
            return ExitCodes.Ok;
        });
        return command;
    }
}
