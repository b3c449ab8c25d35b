using Collector.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Collector.Simulator.Admin;

/// <summary>
/// The admin host's HTTP API (its own port, so it never shows in a platform's request log):
/// GET /admin (base URLs, seeds, cycle), POST /admin/cycle, GET /admin/truth, GET /admin/world, GET /admin/history,
/// GET|POST|DELETE /admin/faults (DELETE /admin/faults/{id}; ?platform= to clear one host),
/// GET /admin/requests?platform=, DELETE /admin/requests, PUT /admin/robots/{platform} (body: the robots.txt text).
/// </summary>
public static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, SimulatedPlatforms sim)
    {
        var admin = app.MapGroup("/admin");
        admin.MapGet("/", () => Json(new
        {
            sim.World.Seed,
            sim.World.Cycle,
            sim.World.Now,
            BaseUrls = SimPlatforms.All.ToDictionary(p => p.Key(), p => sim.BaseUrl(p).AbsoluteUri),
            Seeds = sim.SeedUrls,
        }));
        admin.MapPost("/cycle", () => Json(sim.AdvanceCycle()));
        admin.MapGet("/truth", () => Json(sim.World.Truth));
        admin.MapGet("/history", () => Json(sim.World.History));
        admin.MapGet("/world", () => Json(new { sim.World.Cycle, sim.World.Now, sim.World.Accounts, Posts = sim.World.Posts.Select(p => new { p, p.Key }) }));
        admin.MapGet("/faults", () => Json(sim.Faults.Active));
        admin.MapPost("/faults", async (HttpRequest request) =>
        {
            try
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted);
                var fault = CollectorJson.Deserialize<FaultRequest>(body) ?? throw new ArgumentException("Empty body.");
                return Json(new { Id = sim.Faults.Add(fault.ToRule()) }, StatusCodes.Status201Created);
            }
            catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException)
            {
                return Json(new { Error = e.Message }, StatusCodes.Status400BadRequest);
            }
        });
        admin.MapDelete("/faults", (string? platform) =>
        {
            if (platform is null)
            {
                sim.Faults.Clear();
                return Results.NoContent();
            }

            if (!SimPlatforms.TryParse(platform, out var p))
            {
                return Json(new { Error = $"Unknown platform '{platform}'." }, StatusCodes.Status400BadRequest);
            }

            sim.Faults.Clear(p);
            return Results.NoContent();
        });
        admin.MapDelete("/faults/{id}", (string id) => sim.Faults.Remove(id) ? Results.NoContent() : Results.NotFound());
        admin.MapGet("/requests", (string? platform) =>
            platform is null ? Json(sim.RequestLog.All)
            : SimPlatforms.TryParse(platform, out var p) ? Json(sim.RequestLog.For(p))
            : Json(new { Error = $"Unknown platform '{platform}'." }, StatusCodes.Status400BadRequest));
        admin.MapDelete("/requests", () =>
        {
            sim.RequestLog.Clear();
            return Results.NoContent();
        });
        admin.MapPut("/robots/{platform}", async (string platform, HttpRequest request) =>
        {
            if (!SimPlatforms.TryParse(platform, out var p))
            {
                return Json(new { Error = $"Unknown platform '{platform}'." }, StatusCodes.Status400BadRequest);
            }

            sim.SetRobots(p, await new StreamReader(request.Body).ReadToEndAsync(request.HttpContext.RequestAborted));
            return Results.NoContent();
        });
    }

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Text(CollectorJson.Serialize(value, indented: true), "application/json; charset=utf-8", statusCode: status);
}
