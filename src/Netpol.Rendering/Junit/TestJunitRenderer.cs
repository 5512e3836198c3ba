using System.Text;
using System.Xml;
using Netpol.Analysis.Testing;
using Netpol.Rendering.Text;

namespace Netpol.Rendering.Junit;

/// <summary>
/// Writes test results as JUnit XML for CI (Jenkins, GitLab): one <c>testsuite</c> per spec file, one
/// <c>testcase</c> per test with the spec file as <c>classname</c>, and for a failure a <c>failure</c> element whose
/// message is the one-line verdict and whose text is the <c>netpol check</c> reasoning of the offending pairs.
/// Times are always 0 (netpol does not time tests), so the output is the same run to run.
/// </summary>
public static class TestJunitRenderer
{
    /// <summary>Writes the results.</summary>
    public static void Write(TestRun run, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(w);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var x = XmlWriter.Create(stream, settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("testsuites");
            x.WriteAttributeString("name", "netpol test");
            Counts(x, run.Results);
            foreach (var file in run.Results.GroupBy(r => r.Spec.File, StringComparer.Ordinal))
            {
                x.WriteStartElement("testsuite");
                x.WriteAttributeString("name", Clean(file.Key));
                Counts(x, [.. file]);
                foreach (var r in file)
                {
                    x.WriteStartElement("testcase");
                    x.WriteAttributeString("name", Clean(r.Spec.Name));
                    x.WriteAttributeString("classname", Clean(r.Spec.File));
                    x.WriteAttributeString("file", Clean(r.Spec.File));
                    x.WriteAttributeString("line", r.Spec.Location.Line.ToString());
                    x.WriteAttributeString("time", "0");
                    if (!r.Passed)
                    {
                        x.WriteStartElement("failure");
                        x.WriteAttributeString("message", Clean(TestTextRenderer.FailureMessage(r)));
                        x.WriteAttributeString("type", "connectivity");
                        x.WriteString(Clean(TestTextRenderer.Explanation(r)));
                        x.WriteEndElement();
                    }

                    x.WriteEndElement();
                }

                x.WriteEndElement();
            }

            x.WriteEndElement();
            x.WriteEndDocument();
        }

        w.Write(Encoding.UTF8.GetString(stream.ToArray()));
        w.WriteLine();
    }

    private static void Counts(XmlWriter x, IReadOnlyCollection<TestResult> results)
    {
        x.WriteAttributeString("tests", results.Count.ToString());
        x.WriteAttributeString("failures", results.Count(r => !r.Passed).ToString());
        x.WriteAttributeString("errors", "0");
        x.WriteAttributeString("skipped", "0");
        x.WriteAttributeString("time", "0");
    }

    /// <summary>Replaces the characters XML 1.0 cannot carry (control characters a name may hold) with U+FFFD.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1]))
            {
                sb.Append(text, i, 2);
                i++;
            }
            else
            {
                sb.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return sb.ToString();
    }
}
