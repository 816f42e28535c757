using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace RealtimeApp.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRateLimitPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RateLimitPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    MessagesPerMinute = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestsPerSecond = table.Column<int>(type: "INTEGER", nullable: true),
                    Burst = table.Column<int>(type: "INTEGER", nullable: true),
                    SubscriptionsPerConnection = table.Column<int>(type: "INTEGER", nullable: true),
                    ConnectionsPerUser = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RateLimitPolicies_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "RateLimitPolicies",
                columns: new[] { "Id", "Burst", "ConnectionsPerUser", "MessagesPerMinute", "RequestsPerSecond", "Role", "SubscriptionsPerConnection", "UpdatedAt", "UpdatedBy", "UserId" },
                values: new object[,]
                {
                    { 1, null, null, 30, null, "Staff", null, 1272537022464000000L, null, null },
                    { 2, null, null, 120, null, "Admin", null, 1272537022464000000L, null, null },
                    { 3, 100, 20, null, 20, "Api", 100, 1272537022464000000L, null, null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitPolicies_Role",
                table: "RateLimitPolicies",
                column: "Role",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitPolicies_UserId",
                table: "RateLimitPolicies",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RateLimitPolicies");
        }
    }
}
