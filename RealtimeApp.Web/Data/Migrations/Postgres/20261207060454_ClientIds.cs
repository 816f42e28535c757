using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealtimeApp.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClientIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClientId",
                table: "Tasks",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientId",
                table: "ChatMessages",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_CreatedBy_ClientId",
                table: "Tasks",
                columns: new[] { "CreatedBy", "ClientId" },
                unique: true,
                filter: "\"ClientId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChatMessages_AuthorId_ClientId",
                table: "ChatMessages",
                columns: new[] { "AuthorId", "ClientId" },
                unique: true,
                filter: "\"ClientId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_CreatedBy_ClientId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_ChatMessages_AuthorId_ClientId",
                table: "ChatMessages");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "ChatMessages");
        }
    }
}
