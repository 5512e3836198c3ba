using System.CommandLine;
using System.Globalization;
using Netpol.Core;
using Netpol.LiveCluster.Reading;

namespace Netpol.Cli;

/// <summary>
/// The options that point a command at a live cluster instead of <c>-f</c>, named as kubectl names them:
/// <c>--kubeconfig</c>, <c>--context</c>, <c>-n</c>, <c>-A</c>, <c>--request-timeout</c>.
/// </summary>
internal sealed class ClusterOptions
{
    private ClusterOptions(Option<string[]> namespaces) => Namespaces = namespaces;

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Without -f: read the cluster of this kubeconfig (default: $KUBECONFIG, then ~/.kube/config, then the pod's service account).",
        HelpName = "FILE",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "Without -f: the kubeconfig context to read (default: its current-context).",
        HelpName = "NAME",
    };

    public Option<bool> AllNamespaces { get; } = new("--all-namespaces", "-A")
    {
        Description = "Without -f: read every namespace (default: -n, else the context's namespace, as kubectl).",
    };

    public Option<string> RequestTimeout { get; } = new("--request-timeout")
    {
        Description = "Without -f: how long one API request may take before it is retried (30s, 1m, 500ms).",
        DefaultValueFactory = _ => "30s",
        HelpName = "DURATION",
    };

    /// <summary><c>-n</c>: the command's own display filter where it has one; with a cluster it also limits what is read.</summary>
    public Option<string[]> Namespaces { get; }

    /// <summary>Adds the cluster options to a command, reusing its <c>-n</c> when it has one.</summary>
    public static ClusterOptions AddTo(Command command, Option<string[]>? namespaces = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new ClusterOptions(namespaces ?? new Option<string[]>("--namespace", "-n")
        {
            Description = "Without -f: read pods, services and policies of this namespace; repeatable (default: the context's namespace).",
            HelpName = "NS",
        });
        if (namespaces is null)
        {
            command.Options.Add(options.Namespaces);
        }
        else
        {
            namespaces.Description += " Without -f: also the namespaces read from the cluster.";
        }

        command.Options.Add(options.Kubeconfig);
        command.Options.Add(options.Context);
        command.Options.Add(options.AllNamespaces);
        command.Options.Add(options.RequestTimeout);
        return options;
    }

    /// <summary>True when an option that only makes sense for a cluster was given.</summary>
    public bool AnyGiven(ParseResult parse) =>
        parse.GetResult(Kubeconfig) is { Implicit: false }
        || parse.GetResult(Context) is { Implicit: false }
        || parse.GetValue(AllNamespaces)
        || parse.GetResult(RequestTimeout) is { Implicit: false };

    /// <summary>What to read; <paramref name="extraNamespaces"/> are namespaces the command's arguments name (check's endpoints).</summary>
    public ClusterSourceOptions Source(ParseResult parse, CliContext ctx, IEnumerable<string>? extraNamespaces = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var all = parse.GetValue(AllNamespaces);
        var namespaces = (parse.GetValue(Namespaces) ?? []).Concat(extraNamespaces ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (all && (parse.GetValue(Namespaces) ?? []).Length > 0)
        {
            throw new NetpolException("-A reads every namespace; -n reads some: give one or the other");
        }

        return new ClusterSourceOptions
        {
            Kubeconfig = parse.GetValue(Kubeconfig),
            Context = parse.GetValue(Context),
            AllNamespaces = all,
            Namespaces = namespaces,
            RequestTimeout = ParseDuration(parse.GetValue(RequestTimeout) ?? "30s"),
            Environment = ctx.Environment,
            IsInCluster = ctx.IsInCluster ?? k8s.KubernetesClientConfiguration.IsInCluster,
        };
    }

    /// <summary>kubectl's durations: <c>500ms</c>, <c>30s</c>, <c>1m</c>, <c>1h</c>, or a number of seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new NetpolException($"--request-timeout {text}: a positive duration such as 500ms, 30s or 1m");
        }

        return TimeSpan.FromSeconds(value * unit);
    }
}
