using System.Globalization;
using System.Text;
using System.Xml;

namespace Collector.Detection.Output;

/// <summary>The coordination network as GEXF 1.3 and GraphML, for Gephi and friends.</summary>
internal static class GraphWriters
{
    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false) };

    public static void Gexf(DetectionResult result, Stream stream)
    {
        var n = result.Network;
        using var w = XmlWriter.Create(stream, Settings);
        const string ns = "http://gexf.net/1.3";
        w.WriteStartDocument();
        w.WriteStartElement("gexf", ns);
        w.WriteAttributeString("version", "1.3");
        w.WriteStartElement("meta", ns);
        w.WriteElementString("creator", ns, "Collector detection");
        w.WriteElementString("description", ns, FormattableString.Invariant($"Accounts tied by posting in the same repost chain within {WindowLabel.Of(n.Window)}; weight = shared chains (min {n.MinEdgeWeight})."));
        w.WriteEndElement();
        w.WriteStartElement("graph", ns);
        w.WriteAttributeString("mode", "static");
        w.WriteAttributeString("defaultedgetype", "undirected");
        w.WriteStartElement("attributes", ns);
        w.WriteAttributeString("class", "node");
        Attribute(w, ns, "platform", "platform", "string");
        Attribute(w, ns, "handle", "handle", "string");
        Attribute(w, ns, "community", "community", "integer");
        Attribute(w, ns, "chains", "chains", "integer");
        w.WriteEndElement();
        w.WriteStartElement("attributes", ns);
        w.WriteAttributeString("class", "edge");
        for (var k = 0; k < n.ReportWindows.Count; k++)
        {
            Attribute(w, ns, "w" + k, "weight_" + WindowLabel.Of(n.ReportWindows[k]), "integer");
        }

        w.WriteEndElement();
        w.WriteStartElement("nodes", ns);
        foreach (var node in n.Nodes)
        {
            w.WriteStartElement("node", ns);
            w.WriteAttributeString("id", node.Id);
            w.WriteAttributeString("label", node.Id);
            w.WriteStartElement("attvalues", ns);
            AttValue(w, ns, "platform", node.Platform);
            AttValue(w, ns, "handle", node.Handle);
            AttValue(w, ns, "community", node.Community.ToString(CultureInfo.InvariantCulture));
            AttValue(w, ns, "chains", node.Chains.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("edges", ns);
        var id = 0;
        foreach (var e in n.Edges)
        {
            w.WriteStartElement("edge", ns);
            w.WriteAttributeString("id", (id++).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("source", e.Source);
            w.WriteAttributeString("target", e.Target);
            w.WriteAttributeString("weight", e.Weight.ToString(CultureInfo.InvariantCulture));
            w.WriteStartElement("attvalues", ns);
            for (var k = 0; k < e.WeightsByWindow.Count; k++)
            {
                AttValue(w, ns, "w" + k, e.WeightsByWindow[k].ToString(CultureInfo.InvariantCulture));
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    public static void GraphMl(DetectionResult result, Stream stream)
    {
        var n = result.Network;
        using var w = XmlWriter.Create(stream, Settings);
        const string ns = "http://graphml.graphdrawing.org/xmlns";
        w.WriteStartDocument();
        w.WriteStartElement("graphml", ns);
        Key(w, ns, "platform", "node", "platform", "string");
        Key(w, ns, "handle", "node", "handle", "string");
        Key(w, ns, "community", "node", "community", "int");
        Key(w, ns, "chains", "node", "chains", "int");
        Key(w, ns, "weight", "edge", "weight", "double");
        for (var k = 0; k < n.ReportWindows.Count; k++)
        {
            Key(w, ns, "w" + k, "edge", "weight_" + WindowLabel.Of(n.ReportWindows[k]), "int");
        }

        w.WriteStartElement("graph", ns);
        w.WriteAttributeString("id", "coordination");
        w.WriteAttributeString("edgedefault", "undirected");
        foreach (var node in n.Nodes)
        {
            w.WriteStartElement("node", ns);
            w.WriteAttributeString("id", node.Id);
            Data(w, ns, "platform", node.Platform);
            Data(w, ns, "handle", node.Handle);
            Data(w, ns, "community", node.Community.ToString(CultureInfo.InvariantCulture));
            Data(w, ns, "chains", node.Chains.ToString(CultureInfo.InvariantCulture));
            w.WriteEndElement();
        }

        foreach (var e in n.Edges)
        {
            w.WriteStartElement("edge", ns);
            w.WriteAttributeString("source", e.Source);
            w.WriteAttributeString("target", e.Target);
            Data(w, ns, "weight", e.Weight.ToString(CultureInfo.InvariantCulture));
            for (var k = 0; k < e.WeightsByWindow.Count; k++)
            {
                Data(w, ns, "w" + k, e.WeightsByWindow[k].ToString(CultureInfo.InvariantCulture));
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Attribute(XmlWriter w, string ns, string id, string title, string type)
    {
        w.WriteStartElement("attribute", ns);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("title", title);
        w.WriteAttributeString("type", type);
        w.WriteEndElement();
    }

    private static void AttValue(XmlWriter w, string ns, string id, string value)
    {
        w.WriteStartElement("attvalue", ns);
        w.WriteAttributeString("for", id);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }

    private static void Key(XmlWriter w, string ns, string id, string target, string name, string type)
    {
        w.WriteStartElement("key", ns);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("for", target);
        w.WriteAttributeString("attr.name", name);
        w.WriteAttributeString("attr.type", type);
        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string ns, string key, string value)
    {
        w.WriteStartElement("data", ns);
        w.WriteAttributeString("key", key);
        w.WriteString(value);
        w.WriteEndElement();
    }
}
