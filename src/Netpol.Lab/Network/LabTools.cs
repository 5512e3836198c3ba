using System.Diagnostics;
using Netpol.Core;

namespace Netpol.Lab.Network;

/// <summary>Runs the system tools the lab drives (<c>ip</c>, <c>nft</c>) and reports their failures with what to do.</summary>
internal static class LabTools
{
    /// <summary>Why the lab cannot run here, or null when it can: root, network namespaces, <c>ip</c> and <c>nft</c>.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the lab needs Linux network namespaces";
        }

        if (Environment.UserName != "root" && !IsRoot())
        {
            return "the lab needs root (it creates network namespaces and loads nftables rules); run it with sudo";
        }

        foreach (var tool in new[] { "ip", "nft" })
        {
            if (Find(tool) is null)
            {
                return $"the lab needs '{tool}' on PATH: apt-get install -y {(tool == "ip" ? "iproute2" : "nftables")}";
            }
        }

        if (!File.Exists("/proc/self/ns/net"))
        {
            return "this kernel has no network namespaces";
        }

        return null;
    }

    /// <summary>Runs a tool, feeding it standard input; throws with its error output when it fails.</summary>
    public static string Run(string tool, IEnumerable<string> args, string? input = null, bool check = true)
    {
        var info = new ProcessStartInfo(Find(tool) ?? tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new NetpolException($"cannot start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new NetpolException($"{tool} {string.Join(' ', info.ArgumentList)} failed: {stderr.Result.Trim()}");
        }

        return stdout.Result;
    }

    /// <summary>The full path of a tool on PATH or in the sbin folders, or null.</summary>
    public static string? Find(string tool)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]);
        return dirs.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
    }

    private static bool IsRoot()
    {
        try
        {
            var status = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
            return status is not null && status.Split('\t', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault() == "0";
        }
        catch (IOException)
        {
            return false;
        }
    }
}
