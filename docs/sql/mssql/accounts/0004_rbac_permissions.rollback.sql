-- accounts.0004_rbac_permissions (plan item 002): SQL Server rollback DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
-- Reverses this migration on a database at its end (every later one reversed).
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
-- Undo: Create index IX_UserRoles_User_Active on field(s) user, is_active of model userrole
DROP INDEX [IX_UserRoles_User_Active] ON [UserRoles];
GO
-- Undo: Add field assigned_at to userrole
DECLARE @dj_drop_1 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [UserRoles] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[UserRoles]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[UserRoles]'), N'AssignedAt', 'ColumnId'));
IF @dj_drop_1 IS NOT NULL EXEC sp_executesql @dj_drop_1;
GO
ALTER TABLE [UserRoles] DROP COLUMN [AssignedAt];
GO
-- Undo: Add field notes to userrole
ALTER TABLE [UserRoles] DROP COLUMN [Notes];
GO
-- Undo: Add field expires_at to userrole
ALTER TABLE [UserRoles] DROP COLUMN [ExpiresAt];
GO
-- Undo: Add field is_active to userrole
DECLARE @dj_drop_2 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [UserRoles] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[UserRoles]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[UserRoles]'), N'IsActive', 'ColumnId'));
IF @dj_drop_2 IS NOT NULL EXEC sp_executesql @dj_drop_2;
GO
ALTER TABLE [UserRoles] DROP COLUMN [IsActive];
GO
-- Undo: Add field assigned_by to userrole
ALTER TABLE [UserRoles] DROP CONSTRAINT [UserRoles_AssignedBy_6c5afc1c_fk_Users_Id];
GO
DROP INDEX [UserRoles_AssignedBy_6c5afc1c] ON [UserRoles];
GO
ALTER TABLE [UserRoles] DROP COLUMN [AssignedBy];
GO
-- Undo: Create constraint CK_Roles_MaxUsers on model role
ALTER TABLE [Roles] DROP CONSTRAINT [CK_Roles_MaxUsers];
GO
-- Undo: Create constraint CK_Roles_Level on model role
ALTER TABLE [Roles] DROP CONSTRAINT [CK_Roles_Level];
GO
-- Undo: Add field permissions to role
-- Undo: Add field description to role
ALTER TABLE [Roles] DROP COLUMN [Description];
GO
-- Undo: Add field max_users to role
ALTER TABLE [Roles] DROP COLUMN [MaxUsers];
GO
-- Undo: Add field is_system_role to role
DECLARE @dj_drop_3 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Roles] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Roles]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Roles]'), N'IsSystemRole', 'ColumnId'));
IF @dj_drop_3 IS NOT NULL EXEC sp_executesql @dj_drop_3;
GO
ALTER TABLE [Roles] DROP COLUMN [IsSystemRole];
GO
-- Undo: Add field level to role
DECLARE @dj_drop_4 nvarchar(max) = (SELECT TOP 1 N'ALTER TABLE [Roles] DROP CONSTRAINT ' + QUOTENAME(c.name) FROM sys.default_constraints AS c WHERE c.parent_object_id = OBJECT_ID(N'[Roles]') AND c.parent_column_id = COLUMNPROPERTY(OBJECT_ID(N'[Roles]'), N'Level', 'ColumnId'));
IF @dj_drop_4 IS NOT NULL EXEC sp_executesql @dj_drop_4;
GO
ALTER TABLE [Roles] DROP COLUMN [Level];
GO
-- Undo: Create model RolePermission
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[RolePermissions]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[RolePermissions]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[RolePermissions]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [RolePermissions];
GO
-- Undo: Create model Permission
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Permissions]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Permissions]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[Permissions]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [Permissions];
GO
-- RunPython delete_system_user(): Python, run only by `manage.py migrate`; any SQL it runs is not shown.
COMMIT TRANSACTION;
GO
