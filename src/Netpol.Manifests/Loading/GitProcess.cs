using System.ComponentModel;
using System.Diagnostics;
using Netpol.Core;

namespace Netpol.Manifests.Loading;

/// <summary>Runs git as a child process, without a shell, and collects what it prints.</summary>
internal static class GitProcess
{
    /// <summary>Runs <c>git ARGS</c> in <paramref name="directory"/>, feeding <paramref name="input"/> to its standard input.</summary>
    public static (int Exit, byte[] Output, string Error) Run(string directory, IEnumerable<string> args, byte[]? input = null)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // Never wait for a password prompt; keep git's messages in English so that they read the same everywhere.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception ex)
        {
            throw new NetpolException($"cannot run git ({ex.Message}): install git, or name the manifests by a plain path", ex);
        }

        if (process is null)
        {
            throw new NetpolException("cannot run git: install git, or name the manifests by a plain path");
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();

            // Write and read at once: a large input or output would otherwise fill a pipe and block both sides.
            var writer = Task.Run(() =>
            {
                try
                {
                    if (input is not null)
                    {
                        process.StandardInput.BaseStream.Write(input);
                    }

                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // git stopped reading (it failed); its exit code and message say why.
                }
            });
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            writer.GetAwaiter().GetResult();
            process.WaitForExit();
            return (process.ExitCode, output.ToArray(), error.GetAwaiter().GetResult());
        }
    }
}
