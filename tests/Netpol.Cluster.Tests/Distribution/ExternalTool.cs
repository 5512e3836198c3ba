using System.Diagnostics;

namespace Netpol.LiveCluster.Tests.Distribution;

/// <summary>Runs programs of the machine (bash, zsh, kubectl) for the tests that need the real thing.</summary>
internal static class ExternalTool
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    public static (int Exit, string Out, string Error) Run(string program, IEnumerable<string> args, string? pathPrefix = null, string? stdin = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        if (pathPrefix is not null)
        {
            info.Environment["PATH"] = pathPrefix + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        }

        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within 60s");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>
    /// A directory holding <c>kubectl-netpol</c>, a shim that runs the netpol built next to the tests, as the file
    /// that <c>dotnet tool install</c> puts on PATH would.
    /// </summary>
    public static string PluginDirectory(TempDirectory dir)
    {
        var netpol = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "netpol.exe" : "netpol");
        var shim = dir.File("kubectl-netpol");
        File.WriteAllText(shim, $"#!/bin/sh\nexec '{netpol}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return dir.Path;
    }
}
