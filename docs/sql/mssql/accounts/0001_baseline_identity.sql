-- accounts.0001_baseline_identity (plan item 000): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Create model User
CREATE TABLE [Users] ([Id] nvarchar(450) NOT NULL PRIMARY KEY, [UserName] nvarchar(256) NULL, [NormalizedUserName] nvarchar(256) NULL, [Email] nvarchar(256) NULL, [NormalizedEmail] nvarchar(256) NULL, [EmailConfirmed] bit NOT NULL, [PasswordHash] nvarchar(max) NULL, [SecurityStamp] nvarchar(max) NULL, [ConcurrencyStamp] nvarchar(max) NULL, [PhoneNumber] nvarchar(max) NULL, [PhoneNumberConfirmed] bit NOT NULL, [TwoFactorEnabled] bit NOT NULL, [LockoutEnd] datetimeoffset NULL, [LockoutEnabled] bit NOT NULL, [AccessFailedCount] int NOT NULL);
GO
-- Create model Role
CREATE TABLE [Roles] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Name] nvarchar(256) NULL, [NormalizedName] nvarchar(256) NULL, [ConcurrencyStamp] nvarchar(max) NULL);
GO
-- Create model UserRole
CREATE TABLE [UserRoles] ([UserId] nvarchar(450) NOT NULL, [RoleId] int NOT NULL, PRIMARY KEY ([UserId], [RoleId]));
GO
-- Create model ServiceProvider
CREATE TABLE [ServiceProviders] ([CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [UpdatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL UNIQUE, [BusinessName] nvarchar(200) NOT NULL, [Description] nvarchar(max) NULL, [IsVerified] bit DEFAULT 0 NOT NULL);
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [EmailIndex] ON [Users] ([NormalizedEmail]);
GO
CREATE INDEX [IX_UserRoles_RoleId] ON [UserRoles] ([RoleId]);
GO
CREATE UNIQUE INDEX [RoleNameIndex] ON [Roles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL;
GO
CREATE UNIQUE INDEX [UserNameIndex] ON [Users] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL;
GO
ALTER TABLE [ServiceProviders] ADD CONSTRAINT [ServiceProviders_UserId_08e6d13b_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_RoleId_3e99602b_fk_Roles_Id] FOREIGN KEY ([RoleId]) REFERENCES [Roles] ([Id]);
GO
ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_UserId_64f063f1_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
