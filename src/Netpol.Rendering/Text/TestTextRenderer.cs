using Netpol.Analysis.Testing;
using Netpol.Manifests.Specs;

namespace Netpol.Rendering.Text;

/// <summary>
/// Writes test results for people: <c>PASS name</c>, or <c>FAIL name: expected allow, got deny (2 of 4 pairs denied)</c>
/// followed by the <c>netpol check</c> reasoning of every offending pair, indented; then <c>N passed, M failed</c>.
/// With several spec files, each file's results follow a line naming it.
/// </summary>
public static class TestTextRenderer
{
    private const string Indent = "    ";

    /// <summary>Writes the results.</summary>
    public static void Write(TestRun run, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(w);
        var files = run.Results.GroupBy(r => r.Spec.File, StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            if (files.Count > 1)
            {
                w.WriteLine($"{file.Key}:");
            }

            foreach (var result in file)
            {
                if (result.Passed)
                {
                    w.WriteLine($"PASS {result.Spec.Name}");
                    continue;
                }

                w.WriteLine($"FAIL {result.Spec.Name}: {FailureMessage(result)}");
                foreach (var line in Explanation(result).Split('\n'))
                {
                    w.WriteLine(line.Length == 0 ? line : Indent + line);
                }
            }
        }

        w.WriteLine();
        w.WriteLine($"{run.Passed} passed, {run.Failed} failed");
    }

    /// <summary>Why a test failed, in one line: <c>expected allow, got deny (2 of 4 pairs denied)</c>.</summary>
    internal static string FailureMessage(TestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var offending = result.Offending.Count;
        var total = result.Check.Cases.Count;
        return $"expected {Word(result.Spec.Expect)}, got {Word(result.Actual)} ({offending} of {total} {(total == 1 ? "pair" : "pairs")} {(result.Actual == TestExpectation.Allow ? "allowed" : "denied")})";
    }

    /// <summary>The reasoning for every offending pair, exactly as <c>netpol check</c> prints it, without a final newline.</summary>
    internal static string Explanation(TestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringWriter { NewLine = "\n" };
        foreach (var c in result.Offending)
        {
            CheckTextRenderer.WriteCase(c, text);
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary><c>allow</c> or <c>deny</c>, as specs write them.</summary>
    internal static string Word(TestExpectation expectation) => expectation == TestExpectation.Allow ? "allow" : "deny";
}
