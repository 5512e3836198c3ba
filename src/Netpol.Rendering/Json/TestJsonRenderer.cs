using Netpol.Analysis.Testing;
using Netpol.Rendering.Text;

namespace Netpol.Rendering.Json;

/// <summary>
/// Writes test results as JSON: per test its name, file, line, column, endpoints, port (a number, a name, or null
/// when the Service's only port was used), protocol, expectation, actual verdict, whether it passed and every
/// pair with its verdict; then the counts.
/// </summary>
public static class TestJsonRenderer
{
    /// <summary>Writes the results.</summary>
    public static void Write(TestRun run, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(run);
        JsonOutput.Write(w, j =>
        {
            j.WriteStartObject();
            j.WriteStartArray("tests");
            foreach (var r in run.Results)
            {
                var spec = r.Spec;
                j.WriteStartObject();
                j.WriteString("name", spec.Name);
                j.WriteString("file", spec.File);
                j.WriteNumber("line", spec.Location.Line);
                j.WriteNumber("column", spec.Location.Column);
                j.WriteString("from", spec.From.ToString());
                j.WriteString("to", spec.To.ToString());
                switch (spec.Port)
                {
                    case { Number: { } n }:
                        j.WriteNumber("port", n);
                        break;
                    case { Name: { } name }:
                        j.WriteString("port", name);
                        break;
                    default:
                        j.WriteNull("port");
                        break;
                }

                j.WriteString("protocol", (spec.Protocol ?? r.Check.Protocol).ToString());
                j.WriteString("expect", TestTextRenderer.Word(spec.Expect));
                j.WriteString("actual", TestTextRenderer.Word(r.Actual));
                j.WriteBoolean("passed", r.Passed);
                j.WriteStartArray("pairs");
                foreach (var c in r.Check.Cases)
                {
                    var e = c.Explanation;
                    j.WriteStartObject();
                    j.WriteString("from", e.From.Name);
                    j.WriteString("to", e.To.Name);
                    j.WriteNumber("port", e.Port);
                    j.WriteString("protocol", e.Protocol.ToString());
                    j.WriteBoolean("allowed", e.Allowed);
                    j.WriteEndObject();
                }

                j.WriteEndArray();
                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteStartObject("summary");
            j.WriteNumber("passed", run.Passed);
            j.WriteNumber("failed", run.Failed);
            j.WriteEndObject();
            j.WriteEndObject();
        });
    }
}
