-- guardian.0001_initial (plan item -): SQL Server DDL
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
-- Create model GroupObjectPermission
CREATE TABLE [guardian_groupobjectpermission] ([id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [object_pk] nvarchar(255) NOT NULL, [content_type_id] int NOT NULL, [group_id] int NOT NULL, [permission_id] int NOT NULL);
GO
-- Create model UserObjectPermission
CREATE TABLE [guardian_userobjectpermission] ([id] int NOT NULL PRIMARY KEY IDENTITY (1, 1), [object_pk] nvarchar(255) NOT NULL, [content_type_id] int NOT NULL, [permission_id] int NOT NULL, [user_id] nvarchar(450) NOT NULL);
GO
-- Alter unique_together for userobjectpermission (1 constraint(s))
CREATE UNIQUE INDEX [guardian_userobjectpermission_user_id_permission_id_object_pk_b0b3d2fc_uniq] ON [guardian_userobjectpermission] ([user_id], [permission_id], [object_pk]) WHERE [user_id] IS NOT NULL AND [permission_id] IS NOT NULL AND [object_pk] IS NOT NULL;
GO
-- Alter unique_together for groupobjectpermission (1 constraint(s))
CREATE UNIQUE INDEX [guardian_groupobjectpermission_group_id_permission_id_object_pk_3f189f7c_uniq] ON [guardian_groupobjectpermission] ([group_id], [permission_id], [object_pk]) WHERE [group_id] IS NOT NULL AND [permission_id] IS NOT NULL AND [object_pk] IS NOT NULL;
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [guardian_groupobjectpermission_content_type_id_7ade36b8] ON [guardian_groupobjectpermission] ([content_type_id]);
GO
CREATE INDEX [guardian_groupobjectpermission_group_id_4bbbfb62] ON [guardian_groupobjectpermission] ([group_id]);
GO
CREATE INDEX [guardian_groupobjectpermission_permission_id_36572738] ON [guardian_groupobjectpermission] ([permission_id]);
GO
CREATE INDEX [guardian_userobjectpermission_content_type_id_2e892405] ON [guardian_userobjectpermission] ([content_type_id]);
GO
CREATE INDEX [guardian_userobjectpermission_permission_id_71807bfc] ON [guardian_userobjectpermission] ([permission_id]);
GO
CREATE INDEX [guardian_userobjectpermission_user_id_d5c1e964] ON [guardian_userobjectpermission] ([user_id]);
GO
ALTER TABLE [guardian_groupobjectpermission] ADD CONSTRAINT [guardian_groupobjectpermission_content_type_id_7ade36b8_fk_django_content_type_id] FOREIGN KEY ([content_type_id]) REFERENCES [django_content_type] ([id]);
GO
ALTER TABLE [guardian_groupobjectpermission] ADD CONSTRAINT [guardian_groupobjectpermission_group_id_4bbbfb62_fk_auth_group_id] FOREIGN KEY ([group_id]) REFERENCES [auth_group] ([id]);
GO
ALTER TABLE [guardian_groupobjectpermission] ADD CONSTRAINT [guardian_groupobjectpermission_permission_id_36572738_fk_auth_permission_id] FOREIGN KEY ([permission_id]) REFERENCES [auth_permission] ([id]);
GO
ALTER TABLE [guardian_userobjectpermission] ADD CONSTRAINT [guardian_userobjectpermission_content_type_id_2e892405_fk_django_content_type_id] FOREIGN KEY ([content_type_id]) REFERENCES [django_content_type] ([id]);
GO
ALTER TABLE [guardian_userobjectpermission] ADD CONSTRAINT [guardian_userobjectpermission_permission_id_71807bfc_fk_auth_permission_id] FOREIGN KEY ([permission_id]) REFERENCES [auth_permission] ([id]);
GO
ALTER TABLE [guardian_userobjectpermission] ADD CONSTRAINT [guardian_userobjectpermission_user_id_d5c1e964_fk_Users_Id] FOREIGN KEY ([user_id]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
