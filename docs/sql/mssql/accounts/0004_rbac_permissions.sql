-- accounts.0004_rbac_permissions (plan item 002): SQL Server DDL
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
-- RunPython create_system_user(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
-- Create model Permission
CREATE TABLE [Permissions] ([Id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [Name] nvarchar(256) NOT NULL, [Description] nvarchar(500) NULL, [Category] nvarchar(100) NOT NULL, [IsSystemPermission] bit DEFAULT 0 NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [IX_Permissions_Name] UNIQUE ([Name]));
GO
-- Create model RolePermission
CREATE TABLE [RolePermissions] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [RoleId] int NOT NULL, [PermissionId] int NOT NULL, [GrantedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [GrantedBy] nvarchar(450) NULL, CONSTRAINT [UX_RolePermissions_Role_Perm] UNIQUE ([RoleId], [PermissionId]));
GO
-- Add field level to role
ALTER TABLE [Roles] ADD [Level] int DEFAULT 1 NOT NULL;
GO
-- Add field is_system_role to role
ALTER TABLE [Roles] ADD [IsSystemRole] bit DEFAULT 0 NOT NULL;
GO
-- Add field max_users to role
ALTER TABLE [Roles] ADD [MaxUsers] int NULL;
GO
-- Add field description to role
ALTER TABLE [Roles] ADD [Description] nvarchar(500) DEFAULT '' NOT NULL;
GO
DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Roles] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Roles]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Roles]'), N'Description', 'ColumnId'));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1;
GO
-- Add field permissions to role
-- Create constraint CK_Roles_Level on model role
ALTER TABLE [Roles] ADD CONSTRAINT [CK_Roles_Level] CHECK ([Level] >= 1);
GO
-- Create constraint CK_Roles_MaxUsers on model role
ALTER TABLE [Roles] ADD CONSTRAINT [CK_Roles_MaxUsers] CHECK (([MaxUsers] IS NULL OR [MaxUsers] > 0));
GO
-- Add field assigned_by to userrole
ALTER TABLE [UserRoles] ADD [AssignedBy] nvarchar(450) DEFAULT '00000000-0000-0000-0000-000000000000' NOT NULL;
GO
DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [UserRoles] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[UserRoles]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[UserRoles]'), N'AssignedBy', 'ColumnId'));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2;
GO
-- Add field is_active to userrole
ALTER TABLE [UserRoles] ADD [IsActive] bit DEFAULT 1 NOT NULL;
GO
-- Add field expires_at to userrole
ALTER TABLE [UserRoles] ADD [ExpiresAt] datetimeoffset NULL;
GO
-- Add field notes to userrole
ALTER TABLE [UserRoles] ADD [Notes] nvarchar(500) NULL;
GO
-- Add field assigned_at to userrole
ALTER TABLE [UserRoles] ADD [AssignedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL;
GO
-- Create index IX_UserRoles_User_Active on field(s) user, is_active of model userrole
CREATE INDEX [IX_UserRoles_User_Active] ON [UserRoles] ([UserId], [IsActive]);
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_Permissions_Category] ON [Permissions] ([Category]);
GO
CREATE INDEX [IX_RolePermissions_Permission] ON [RolePermissions] ([PermissionId]);
GO
CREATE INDEX [RolePermissions_GrantedBy_3c251ddc] ON [RolePermissions] ([GrantedBy]);
GO
CREATE INDEX [UserRoles_AssignedBy_6c5afc1c] ON [UserRoles] ([AssignedBy]);
GO
ALTER TABLE [RolePermissions] ADD CONSTRAINT [RolePermissions_GrantedBy_3c251ddc_fk_Users_Id] FOREIGN KEY ([GrantedBy]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [RolePermissions] ADD CONSTRAINT [RolePermissions_PermissionId_a4fee2d6_fk_Permissions_Id] FOREIGN KEY ([PermissionId]) REFERENCES [Permissions] ([Id]);
GO
ALTER TABLE [RolePermissions] ADD CONSTRAINT [RolePermissions_RoleId_e3826e0e_fk_Roles_Id] FOREIGN KEY ([RoleId]) REFERENCES [Roles] ([Id]);
GO
ALTER TABLE [UserRoles] ADD CONSTRAINT [UserRoles_AssignedBy_6c5afc1c_fk_Users_Id] FOREIGN KEY ([AssignedBy]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
